import Foundation
import Money

/// Where a tax-free form stands. It only moves forward, once, from `issued`.
public enum TaxFreeFormStatus: String, Sendable, CaseIterable {
    case issued, validated, refused, expired
}

/// How the traveller's refund stands.
public enum TaxFreeRefundStatus: String, Sendable, CaseIterable {
    /// Not paid: it will be once customs validates the export.
    case awaitingValidation = "awaiting-validation"
    /// Paid into the wallet at once, against a receivable from the operator.
    case instant
    /// Paid into the wallet when the validation arrived.
    case paid
    /// Taken back from the wallet: no validation in time, or a refused one.
    case clawedBack = "clawed-back"
    /// Never paid, and now never will be.
    case none
}

/// The refund of a form: the VAT less the operator's fee for the purchase's band.
public struct RefundQuote: Sendable, Equatable {
    public let vat: Money
    public let feeShare: ExactDecimal
    public let fee: Money
    public let refund: Money
}

public enum TaxFreeRefundError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSchedule(country: String, day: Day)
    case instantPerPurchaseCap(gross: Money, cap: Money)
    case instantPerTripCap(trip: Money, cap: Money)
    case notRefundable(status: TaxFreeFormStatus, refund: TaxFreeRefundStatus)

    public var code: String {
        switch self {
        case .noSchedule: return "tax-free.no-fee-schedule"
        case .instantPerPurchaseCap: return "tax-free.instant-per-purchase-cap"
        case .instantPerTripCap: return "tax-free.instant-per-trip-cap"
        case .notRefundable: return "tax-free.not-refundable"
        }
    }

    public var description: String {
        switch self {
        case .noSchedule(let country, let day): return "no refund fee schedule for \(country) on \(day)"
        case .instantPerPurchaseCap(let gross, let cap):
            return "an in-store instant refund is allowed only up to \(cap.decimalText) \(cap.currency.code) a purchase (this one: \(gross.decimalText)); it is refunded once customs confirms the export"
        case .instantPerTripCap(let trip, let cap):
            return "an in-store instant refund is allowed only up to \(cap.decimalText) \(cap.currency.code) a trip (with this purchase: \(trip.decimalText)); it is refunded once customs confirms the export"
        case .notRefundable(let status, let refund): return "the form is \(status.rawValue) and its refund \(refund.rawValue): nothing to refund now"
        }
    }
}

/// What a validation result or the deadline does to a form.
public enum TaxFreeMove: Sendable, Equatable {
    /// Nothing: the form was already decided (a duplicate, or a result after the form closed).
    case nothing(reason: String)
    /// Validated: the operator's receivable is settled (the refund was instant) or the refund is
    /// paid now.
    case validated(payNow: Bool)
    /// Refused, exported too late or not validated by the deadline; an instant refund is clawed back.
    case closed(TaxFreeFormStatus, clawBack: Bool, reason: String)
}

public enum TaxFreeRefund {
    public static func quote(vat: Money, gross: Money, country: String, day: Day) throws(TaxFreeRefundError) -> RefundQuote {
        guard let schedule = RefundFees.schedule(for: country, on: day),
              let band = schedule.bands.last(where: { $0.from.minorUnits <= gross.minorUnits }) else {
            throw .noSchedule(country: country, day: day)
        }
        let share = band.shareOfVAT
        let proportional = Rounding.halfUp.divide(Int128(vat.minorUnits) * Int128(share.mantissa), by: Int128(powerOfTen(share.scale)))
        let fee = Money(minorUnits: min(vat.minorUnits, max(schedule.floor.minorUnits, Int64(proportional))), currency: vat.currency)
        let refund = (try? vat.subtracting(fee)) ?? Money.zero(vat.currency)  // safe: fee ≤ vat by the min above
        return RefundQuote(vat: vat, feeShare: share, fee: fee, refund: refund)
    }

    /// Whether an instant refund may be paid for a purchase of `gross`, when the trip's earlier
    /// instant refunds covered purchases of `trip`.
    public static func checkInstant(gross: Money, trip: Money, caps: TaxFreeRules.InstantRefundCaps?) throws(TaxFreeRefundError) {
        guard let caps else { return }
        guard gross.minorUnits <= caps.perPurchase.minorUnits else { throw .instantPerPurchaseCap(gross: gross, cap: caps.perPurchase) }
        let (total, overflow) = trip.minorUnits.addingReportingOverflow(gross.minorUnits)
        guard !overflow, total <= caps.perTrip.minorUnits else {
            throw .instantPerTripCap(trip: Money(minorUnits: overflow ? Int64.max : total, currency: gross.currency), cap: caps.perTrip)
        }
    }

    /// A validation result for a form that stands at `status`: `exportedAt` is when customs saw
    /// the goods leave, which must be by the form's deadline.
    public static func receive(validated: Bool, exportedAt: Date, status: TaxFreeFormStatus, refund: TaxFreeRefundStatus,
                               deadline: Date) -> TaxFreeMove {
        guard status == .issued else { return .nothing(reason: "the form is already \(status.rawValue)") }
        if validated, exportedAt < deadline { return .validated(payNow: refund == .awaitingValidation) }
        let reason = validated ? "exported after the deadline" : "customs refused the validation"
        return .closed(validated ? .expired : .refused, clawBack: refund == .instant, reason: reason)
    }

    /// The deadline sweep: a form still issued once its deadline has passed expires.
    public static func expire(status: TaxFreeFormStatus, refund: TaxFreeRefundStatus, deadline: Date, now: Date) -> TaxFreeMove {
        guard status == .issued else { return .nothing(reason: "the form is already \(status.rawValue)") }
        guard now >= deadline else { return .nothing(reason: "the deadline has not passed") }
        return .closed(.expired, clawBack: refund == .instant, reason: "no export validation by the deadline")
    }

    /// The refund's status after `move`.
    public static func refundStatus(after move: TaxFreeMove, was refund: TaxFreeRefundStatus) -> TaxFreeRefundStatus {
        switch move {
        case .nothing: return refund
        case .validated(let payNow): return payNow ? .paid : refund
        case .closed(_, let clawBack, _): return clawBack ? .clawedBack : .none
        }
    }
}
