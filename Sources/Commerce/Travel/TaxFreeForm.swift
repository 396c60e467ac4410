import Foundation
import Money

/// A payment at a participating store's till, as the tax-free rules see it.
public struct TillSale: Sendable, Hashable {
    public let paymentID: String
    public let shopID: String
    /// What the traveller paid, VAT included, in the shop's currency, less what the till refunded.
    public let amount: Money
    public let at: Date
    /// Goods taken out of the country; services (a meal, a repair) are not refundable.
    public let goods: Bool
    /// The form it is already on.
    public let formID: String?

    public init(paymentID: String, shopID: String, amount: Money, at: Date, goods: Bool, formID: String?) {
        self.paymentID = paymentID
        self.shopID = shopID
        self.amount = amount
        self.at = at
        self.goods = goods
        self.formID = formID
    }
}

/// What a tax-free form states: the purchases it covers, their VAT and when the goods must
/// have left the country.
public struct TaxFreeDraft: Sendable, Equatable {
    public let country: String
    public let purchaseDay: Day
    public let paymentIDs: [String]
    public let gross: Money
    public let vatRate: ExactDecimal
    public let vat: Money
    /// What the minimum was compared with, counted as the country counts it.
    public let counted: Money
    public let minimum: Money
    public let counting: TaxFreeRules.Counting
    /// The last day for the export validation, in the country's calendar.
    public let deadlineDay: Day
    /// The moment that day ends there.
    public let deadline: Date
    public let validation: String
}

/// Why a form cannot be issued, naming the rule.
public enum TaxFreeRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case countryNotInScheme(String)
    case schemeWithdrawn(country: String, day: Day)
    case belowMinimum(counted: Money, minimum: Money, counting: TaxFreeRules.Counting)
    case services
    case resident(of: String, country: String)
    case residenceUnproven
    case alreadyOnForm(paymentID: String, formID: String)
    case nothingLeft(paymentID: String)
    case noRule(country: String, day: Day)

    /// A stable code for the reader's language and for clients.
    public var code: String {
        switch self {
        case .countryNotInScheme: return "tax-free.country-not-in-scheme"
        case .schemeWithdrawn: return "tax-free.scheme-withdrawn"
        case .belowMinimum: return "tax-free.below-minimum"
        case .services: return "tax-free.services"
        case .resident: return "tax-free.resident"
        case .residenceUnproven: return "tax-free.residence-unproven"
        case .alreadyOnForm: return "tax-free.already-on-form"
        case .nothingLeft: return "tax-free.refunded"
        case .noRule: return "tax-free.no-rule"
        }
    }

    public var description: String {
        switch self {
        case .countryNotInScheme(let country): return "\(country) is not among the countries whose VAT refunds the platform pays"
        case .schemeWithdrawn(let country, let day): return "\(country) had no tourist VAT refund scheme on \(day) (withdrawn in Great Britain from 1 January 2021)"
        case .belowMinimum(let counted, let minimum, let counting):
            return "the purchase (\(counted.decimalText) \(counted.currency.code), counted per \(counting.rawValue)) is below the minimum of \(minimum.decimalText) \(minimum.currency.code)"
        case .services: return "services are not refundable: only goods taken out of the country"
        case .resident(let residence, let country): return "a resident of \(residence) cannot claim a tourist VAT refund in \(country)"
        case .residenceUnproven: return "the traveller's residence outside the country is not proven: a verified real-name identity (ePass) is needed"
        case .alreadyOnForm(let payment, let form): return "payment \(payment) is already on tax-free form \(form)"
        case .nothingLeft(let payment): return "payment \(payment) was refunded at the till in full"
        case .noRule(let country, let day): return "no VAT rate or export deadline for \(country) is known on \(day)"
        }
    }
}

public enum TaxFree {
    /// The calendar day of `instant` where the shop is.
    public static func day(of instant: Date, in country: TaxFreeRules.Country) -> Day {
        let parts = calendar(country).dateComponents([.year, .month, .day], from: instant)
        return Day(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    static func calendar(_ country: TaxFreeRules.Country) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: country.timeZone) ?? .gmt
        return calendar
    }

    /// The form for `sale`. `sameStoreSameDay`: the traveller's other payments at the same store
    /// (any day; those of other days are ignored), for the countries that count a day's
    /// purchases together; the form then covers every one of that day's not yet on a form.
    /// `residence`: the traveller's proven country of residence, nil when unproven.
    public static func issue(for sale: TillSale, sameStore others: [TillSale], residence: String?, in country: TaxFreeRules.Country)
        throws(TaxFreeRefusal) -> TaxFreeDraft {
        let day = day(of: sale.at, in: country)
        guard country.schemeAvailable(on: day) else { throw .schemeWithdrawn(country: country.code, day: day) }
        guard let residence else { throw .residenceUnproven }
        guard residence != country.code, !country.residentsExcluded.contains(residence) else {
            throw .resident(of: residence, country: country.code)
        }
        guard sale.goods else { throw .services }
        if let form = sale.formID { throw .alreadyOnForm(paymentID: sale.paymentID, formID: form) }
        guard sale.amount.minorUnits > 0 else { throw .nothingLeft(paymentID: sale.paymentID) }
        guard let rate = country.vatRate(on: day), let minimum = country.minimum(on: day), let rule = country.deadline(on: day) else {
            throw .noRule(country: country.code, day: day)
        }
        let sameDay = country.counting == .perStorePerDay
            ? others.filter {
                $0.paymentID != sale.paymentID && $0.shopID == sale.shopID && $0.goods && $0.amount.minorUnits > 0
                    && Self.day(of: $0.at, in: country) == day
            }
            : []
        let counted, gross: Money
        do throws(MoneyError) {
            counted = try Money.sum(([sale] + sameDay).map(\.amount), currency: sale.amount.currency)
            gross = try Money.sum(([sale] + sameDay.filter { $0.formID == nil }).map(\.amount), currency: sale.amount.currency)
        } catch { throw .belowMinimum(counted: sale.amount, minimum: minimum, counting: country.counting) }
        guard counted.minorUnits >= minimum.minorUnits, counted.minorUnits > 0 else {
            throw .belowMinimum(counted: counted, minimum: minimum, counting: country.counting)
        }
        let deadlineDay = deadline(rule, purchasedOn: day)
        return TaxFreeDraft(
            country: country.code, purchaseDay: day,
            paymentIDs: ([sale] + sameDay.filter { $0.formID == nil }).map(\.paymentID).sorted(), gross: gross, vatRate: rate,
            vat: vatContent(of: gross, rate: rate), counted: counted, minimum: minimum, counting: country.counting,
            deadlineDay: deadlineDay, deadline: end(of: deadlineDay, in: country), validation: country.validation)
    }

    /// The VAT inside a price that includes it: gross × rate / (1 + rate), rounded half-up to
    /// the currency's minor unit, exactly.
    public static func vatContent(of gross: Money, rate: ExactDecimal) -> Money {
        let scale = Int128(powerOfTen(rate.scale))
        let minor = Rounding.halfUp.divide(Int128(gross.minorUnits) * Int128(rate.mantissa), by: scale + Int128(rate.mantissa))
        return Money(minorUnits: Int64(minor), currency: gross.currency)
    }

    /// The last day for export under `rule`, for a purchase on `day`.
    public static func deadline(_ rule: TaxFreeRules.ExportDeadline, purchasedOn day: Day) -> Day {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = .gmt
        let start = utc.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date(timeIntervalSince1970: 0)
        let last: Date
        switch rule {
        case .daysAfterPurchase(let days):
            last = utc.date(byAdding: .day, value: days, to: start) ?? start
        case .monthsAfterPurchase(let months):
            last = utc.date(byAdding: .month, value: months, to: start) ?? start
        case .endOfMonthAfterPurchaseMonth(let months):
            let firstOfMonth = utc.date(from: DateComponents(year: day.year, month: day.month, day: 1)) ?? start
            let firstAfter = utc.date(byAdding: .month, value: months + 1, to: firstOfMonth) ?? start
            last = utc.date(byAdding: .day, value: -1, to: firstAfter) ?? start
        }
        let parts = utc.dateComponents([.year, .month, .day], from: last)
        return Day(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// The first moment after `day` in the country's zone.
    public static func end(of day: Day, in country: TaxFreeRules.Country) -> Date {
        let calendar = calendar(country)
        let start = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date(timeIntervalSince1970: 0)
        return calendar.date(byAdding: .day, value: 1, to: start) ?? start
    }
}
