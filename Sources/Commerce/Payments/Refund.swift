import Foundation
import Ledger
import Money

public enum RefundError: Error, Equatable, Sendable, CustomStringConvertible {
    case amountMustBePositive
    case wrongCurrency(Currency)
    case exceedsPaid(asked: Money, refundable: Money)
    case notPaid(orderID: String)
    case money(MoneyError)

    public var description: String {
        switch self {
        case .amountMustBePositive: return "a refund must be more than zero"
        case .wrongCurrency(let currency): return "refunds are made in CNY, the currency the buyer paid in, not \(currency.code)"
        case .exceedsPaid(let asked, let refundable):
            return "a refund of \(asked.decimalText) CNY is more than the \(refundable.decimalText) CNY left to refund on this order"
        case .notPaid(let id): return "order \(id) has not been paid, so there is nothing to refund"
        case .money(let error): return error.description
        }
    }
}

/// Where an order's money stands when a refund is asked for.
public struct RefundableOrder: Sendable, Hashable {
    public let order: OrderAmounts
    public let consumerID: String
    public let channel: String
    /// Refunded so far, in CNY.
    public let refunded: Money
    /// The open holds, before release; empty once released.
    public let holds: [EscrowHold]
    public let released: Bool

    public init(order: OrderAmounts, consumerID: String, channel: String, refunded: Money, holds: [EscrowHold], released: Bool) {
        self.order = order
        self.consumerID = consumerID
        self.channel = channel
        self.refunded = refunded
        self.holds = holds
        self.released = released
    }

    public var refundable: Money {
        get throws(MoneyError) { try order.total.subtracting(refunded) }
    }
}

/// Refunds, full or partial, to the channel the buyer paid through. Before release the escrow
/// gives the money back: the holds it touches (goods first, then tax, then freight) are voided
/// and what they still hold is held again. After release it is clawed back from the merchant's
/// payable, converted at the rate of the moment. Either way an order's refunds never pass what
/// was paid.
public enum Refund {
    public static func plan(
        _ refundID: String, amount: Money, of state: RefundableOrder, rate: ExchangeRate?
    ) throws(RefundError) -> (requests: [TransferRequest], accounts: [Account], isFull: Bool) {
        guard amount.currency == .CNY else { throw .wrongCurrency(amount.currency) }
        guard amount.minorUnits > 0 else { throw .amountMustBePositive }
        let refundable: Money
        do { refundable = try state.refundable } catch { throw .money(error) }
        guard amount.minorUnits <= refundable.minorUnits else { throw .exceedsPaid(asked: amount, refundable: refundable) }
        let orderID = state.order.orderID
        let buyer = Books.buyer(state.consumerID).id
        var requests: [TransferRequest] = []
        var accounts = [Books.buyer(state.consumerID), Books.channel(state.channel)]
        if state.released {
            let currency = state.order.merchantCurrency
            let clawback: Money
            do { clawback = try (rate ?? ExchangeRate.identity(.CNY, asOf: .distantPast)).convertToBase(amount) } catch {
                throw .money(error)
            }
            if clawback.currency != currency { throw .money(.currencyMismatch(clawback.currency, currency)) }
            accounts += [Books.merchant(state.order.merchantID, currency), Books.fxLiquidity(currency), Books.fxLiquidity(.CNY)]
            if clawback.minorUnits > 0 {
                requests.append(.single(id: "refund:\(refundID):clawback", debit: Books.merchant(state.order.merchantID, currency).id,
                                        credit: Books.fxLiquidity(currency).id, amount: clawback, code: "clawback"))
            }
            requests.append(.single(id: "refund:\(refundID):buyer", debit: Books.fxLiquidity(.CNY).id, credit: buyer,
                                    amount: amount, code: "refund"))
        } else {
            let escrow = Books.escrow(orderID).id
            var left = amount.minorUnits
            let order: [EscrowPart] = [.goods, .tax, .freight]
            for hold in state.holds.sorted(by: { order.firstIndex(of: $0.part) ?? 0 < order.firstIndex(of: $1.part) ?? 0 }) where left > 0 {
                let take = min(left, hold.amount.minorUnits)
                left -= take
                requests.append(.void(id: "refund:\(refundID):void:\(hold.transferID)", pending: hold.transferID, code: "refund-void"))
                let rest = hold.amount.minorUnits - take  // safe: 0 ≤ take ≤ the hold's amount
                if rest > 0 {
                    requests.append(.pending(id: Escrow.holdID(orderID, hold.part, version: refundID), debit: escrow,
                                             credit: hold.part.destination.id, amount: Money(minorUnits: rest, currency: .CNY),
                                             code: "hold:\(hold.part.rawValue)"))
                }
            }
            accounts.append(Books.escrow(orderID))
            requests.append(.single(id: "refund:\(refundID):buyer", debit: escrow, credit: buyer, amount: amount, code: "refund"))
        }
        requests.append(.single(id: "refund:\(refundID):channel", debit: buyer, credit: Books.channel(state.channel).id,
                                amount: amount, code: "refund"))
        return (requests, accounts, amount.minorUnits == refundable.minorUnits)
    }
}
