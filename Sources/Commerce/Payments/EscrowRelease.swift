import Ledger
import Money

/// What releasing an order's escrow books, with both rates, for the merchant's statement.
public struct ReleaseSettlement: Sendable, Hashable {
    public let orderID: String
    public let merchantID: String
    /// The goods in CNY that go to the merchant (after any refunds before release).
    public let goodsCNY: Money
    /// The merchant's share in its currency: its prices for what was not refunded.
    public let share: Money
    /// What the goods' CNY buys in the merchant's currency at the release rate.
    public let converted: Money
    /// `converted − share`: the platform's FX gain (negative: loss) against the quote's rate.
    public let fxGain: Money
    public let commission: Money
    public let quoteRate: ExchangeRate
    public let releaseRate: ExchangeRate
    public var netToMerchant: Money { get throws(MoneyError) { try share.subtracting(commission) } }
}

public enum ReleaseError: Error, Equatable, Sendable, CustomStringConvertible {
    case nothingHeld(orderID: String)
    case rateMismatch(expected: Currency, got: Currency)
    case money(MoneyError)

    public var description: String {
        switch self {
        case .nothingHeld(let id): return "order \(id) has no escrow left to release"
        case .rateMismatch(let expected, let got): return "the release needs a \(expected.code)/CNY rate, not \(got.code)"
        case .money(let error): return error.description
        }
    }
}

/// Releasing escrow: every open hold is posted; the goods, in CNY, are converted at the rate of
/// the moment into the merchant's currency, the merchant is credited its own prices, and what
/// the conversion made or lost against the quote's rate goes to FX gain/loss; then the
/// platform's commission comes off the merchant's share.
public enum EscrowRelease {
    /// - Parameters:
    ///   - listed: the merchant's prices for the order's goods, in its currency.
    ///   - quotedGoods: the goods in CNY as the quote fixed them.
    ///   - commissionBasisPoints: the merchant's commission rate, in 1/100 of a percent.
    public static func plan(
        order: OrderAmounts, holds: [EscrowHold], listed: Money, quotedGoods: Money, quoteRate: ExchangeRate,
        releaseRate: ExchangeRate, commissionBasisPoints: Int64
    ) throws(ReleaseError) -> (requests: [TransferRequest], settlement: ReleaseSettlement) {
        guard !holds.isEmpty else { throw .nothingHeld(orderID: order.orderID) }
        let currency = order.merchantCurrency
        guard releaseRate.base == currency, releaseRate.quote == .CNY else { throw .rateMismatch(expected: currency, got: releaseRate.base) }
        let goods, share, converted, commission, gain: Money
        do throws(MoneyError) {
            goods = try Money.sum(holds.filter { $0.part == .goods }.map(\.amount), currency: .CNY)
            // The share keeps the merchant's prices in proportion to what is still sold.
            share = quotedGoods.minorUnits == 0 ? Money.zero(currency) : try Money(
                exactly: Rounding.halfEven.divide(Int128(listed.minorUnits) * Int128(goods.minorUnits), by: Int128(quotedGoods.minorUnits)),
                currency: currency)
            converted = try releaseRate.convertToBase(goods)
            commission = try EscrowRelease.commission(on: share, basisPoints: commissionBasisPoints)
            gain = try converted.subtracting(share)
        } catch { throw .money(error) }
        let id = order.orderID
        var requests: [TransferRequest] = holds.map { hold in
            .post(id: "release:\(hold.transferID)", pending: hold.transferID, amount: hold.amount, code: "release:\(hold.part.rawValue)")
        }
        let liquidity = Books.fxLiquidity(currency).id
        let merchant = Books.merchant(order.merchantID, currency).id
        if share.minorUnits > 0 {
            requests.append(.single(id: "release:\(id):share", debit: liquidity, credit: merchant, amount: share, code: "merchant-share"))
        }
        if gain.minorUnits > 0 {
            requests.append(.single(id: "release:\(id):fx", debit: liquidity, credit: Books.fxGainLoss(currency).id,
                                    amount: gain, code: "fx-gain"))
        } else if gain.minorUnits < 0 {
            let loss: Money
            do { loss = try gain.negated() } catch { throw .money(error) }
            requests.append(.single(id: "release:\(id):fx", debit: Books.fxGainLoss(currency).id, credit: liquidity,
                                    amount: loss, code: "fx-loss"))
        }
        if commission.minorUnits > 0 {
            requests.append(.single(id: "release:\(id):commission", debit: merchant, credit: Books.commission(currency).id,
                                    amount: commission, code: "commission"))
        }
        let settlement = ReleaseSettlement(
            orderID: id, merchantID: order.merchantID, goodsCNY: goods, share: share, converted: converted,
            fxGain: gain, commission: commission, quoteRate: quoteRate, releaseRate: releaseRate)
        return (requests, settlement)
    }

    /// The platform's commission on a merchant's share, half-even to the minor unit: the same
    /// for an order's release and for a payment at the merchant's till.
    public static func commission(on share: Money, basisPoints: Int64) throws(MoneyError) -> Money {
        try Money(exactly: Rounding.halfEven.divide(Int128(share.minorUnits) * Int128(basisPoints), by: 10_000), currency: share.currency)
    }

    /// The accounts a release touches beyond those the payment opened.
    public static func accounts(merchantID: String, currency: Currency) -> [Account] {
        [Books.fxLiquidity(currency), Books.fxGainLoss(currency), Books.merchant(merchantID, currency), Books.commission(currency)]
    }
}
