import Ledger
import Money

/// What each movement of a traveller's money books. Every conversion passes through the
/// platform's FX liquidity accounts, so that each currency's books balance on their own; ids
/// are derived from what the movement is, so that asking twice books once.
public enum WalletBooking {
    /// Money from a payment channel into the wallet; a debt left by a claw-back is collected
    /// from it first, up to what is owed.
    public static func topUp(_ id: String, consumerID: String, channel: String, amount: Money, debt: Money) -> [TransferRequest] {
        let wallet = Books.wallet(consumerID).id
        var requests: [TransferRequest] = [
            .single(id: "topup:\(id)", debit: Books.channel(channel).id, credit: wallet, amount: amount, code: "wallet-top-up"),
        ]
        let collected = min(debt.minorUnits, amount.minorUnits)
        if collected > 0 {
            requests.append(.single(id: "topup:\(id):debt", debit: wallet, credit: Books.walletDebt(consumerID).id,
                                    amount: Money(minorUnits: collected, currency: .CNY), code: "wallet-debt-collected"))
        }
        return requests
    }

    /// Money out of the wallet to the traveller's bank card.
    public static func withdrawal(_ id: String, consumerID: String, amount: Money) -> [TransferRequest] {
        [.single(id: "withdrawal:\(id)", debit: Books.wallet(consumerID).id, credit: Books.cardWithdrawals.id, amount: amount,
                 code: "wallet-withdrawal")]
    }

    /// A payment at a merchant's till: the wallet pays `cny`; the merchant is credited `local`,
    /// its own price, less the platform's commission, in the same accounts online orders settle to.
    public static func tillPayment(_ id: String, consumerID: String, cny: Money, local: Money, merchantID: String,
                                   commission: Money) -> [TransferRequest] {
        let merchant = Books.merchant(merchantID, local.currency).id
        var requests: [TransferRequest] = [
            .single(id: "till:\(id):wallet", debit: Books.wallet(consumerID).id, credit: Books.fxLiquidity(.CNY).id, amount: cny,
                    code: "till-payment"),
            .single(id: "till:\(id):merchant", debit: Books.fxLiquidity(local.currency).id, credit: merchant, amount: local,
                    code: "till-merchant-share"),
        ]
        if commission.minorUnits > 0 {
            requests.append(.single(id: "till:\(id):commission", debit: merchant, credit: Books.commission(local.currency).id,
                                    amount: commission, code: "commission"))
        }
        return requests
    }

    /// A refund at the till: back to the wallet in CNY, in proportion to what was paid, and
    /// taken from the merchant and the commission in the same proportion.
    public static func tillRefund(_ id: String, consumerID: String, cny: Money, local: Money, merchantID: String,
                                  commission: Money) throws(MoneyError) -> [TransferRequest] {
        let merchant = Books.merchant(merchantID, local.currency).id
        let liquidity = Books.fxLiquidity(local.currency).id
        var requests: [TransferRequest] = []
        let fromMerchant = try local.subtracting(commission)
        if fromMerchant.minorUnits > 0 {
            requests.append(.single(id: "till-refund:\(id):merchant", debit: merchant, credit: liquidity, amount: fromMerchant,
                                    code: "till-refund"))
        }
        if commission.minorUnits > 0 {
            requests.append(.single(id: "till-refund:\(id):commission", debit: Books.commission(local.currency).id, credit: liquidity,
                                    amount: commission, code: "commission-returned"))
        }
        if cny.minorUnits > 0 {
            requests.append(.single(id: "till-refund:\(id):wallet", debit: Books.fxLiquidity(.CNY).id, credit: Books.wallet(consumerID).id,
                                    amount: cny, code: "till-refund"))
        }
        return requests
    }

    /// The VAT refund paid into the wallet now: the operator owes it until the export is validated.
    public static func instantRefund(formID: String, consumerID: String, refund: Money, cny: Money) -> [TransferRequest] {
        [
            .single(id: "tax-free:\(formID):receivable", debit: Books.refundReceivable(refund.currency).id,
                    credit: Books.fxLiquidity(refund.currency).id, amount: refund, code: "vat-refund-instant"),
            .single(id: "tax-free:\(formID):wallet", debit: Books.fxLiquidity(.CNY).id, credit: Books.wallet(consumerID).id, amount: cny,
                    code: "vat-refund-instant"),
        ]
    }

    /// The export is validated: the operator pays what it owes for an instant refund, or pays the
    /// refund now, into the wallet at the rate of the moment.
    public static func validated(formID: String, consumerID: String, refund: Money, payNow cny: Money?) -> [TransferRequest] {
        let cash = Books.refundOperator(refund.currency).id
        guard let cny else {
            return [.single(id: "tax-free:\(formID):settled", debit: cash, credit: Books.refundReceivable(refund.currency).id,
                            amount: refund, code: "vat-refund-settled")]
        }
        return [
            .single(id: "tax-free:\(formID):settled", debit: cash, credit: Books.fxLiquidity(refund.currency).id, amount: refund,
                    code: "vat-refund-settled"),
            .single(id: "tax-free:\(formID):wallet", debit: Books.fxLiquidity(.CNY).id, credit: Books.wallet(consumerID).id, amount: cny,
                    code: "vat-refund-paid"),
        ]
    }

    /// An instant refund taken back, in full, once: from the wallet as far as it holds, the rest
    /// as the traveller's debt; the operator no longer owes it.
    public static func clawBack(formID: String, consumerID: String, refund: Money, cny: Money, available: Money)
        throws(MoneyError) -> [TransferRequest] {
        let fromWallet = Money(minorUnits: max(0, min(available.minorUnits, cny.minorUnits)), currency: .CNY)
        let owed = try cny.subtracting(fromWallet)
        var requests: [TransferRequest] = []
        if fromWallet.minorUnits > 0 {
            requests.append(.single(id: "tax-free:\(formID):clawback", debit: Books.wallet(consumerID).id, credit: Books.fxLiquidity(.CNY).id,
                                    amount: fromWallet, code: "vat-refund-clawback"))
        }
        if owed.minorUnits > 0 {
            requests.append(.single(id: "tax-free:\(formID):debt", debit: Books.walletDebt(consumerID).id, credit: Books.fxLiquidity(.CNY).id,
                                    amount: owed, code: "vat-refund-clawback-debt"))
        }
        requests.append(.single(id: "tax-free:\(formID):receivable-cancelled", debit: Books.fxLiquidity(refund.currency).id,
                                credit: Books.refundReceivable(refund.currency).id, amount: refund, code: "vat-refund-clawback"))
        return requests
    }

    /// The accounts a traveller's movements touch, to open before the first.
    public static func accounts(consumerID: String, channel: String?, currency: Currency?, merchantID: String?) -> [Account] {
        var accounts = [Books.wallet(consumerID), Books.walletDebt(consumerID), Books.fxLiquidity(.CNY), Books.cardWithdrawals]
        if let channel { accounts.append(Books.channel(channel)) }
        if let currency {
            accounts += [Books.fxLiquidity(currency), Books.commission(currency), Books.refundReceivable(currency), Books.refundOperator(currency)]
            if let merchantID { accounts.append(Books.merchant(merchantID, currency)) }
        }
        return accounts
    }

    /// `part` of `whole` applied to `amount`, half-even: a partial refund's share of a payment.
    /// Taken as the difference of two cumulative shares, successive partial refunds add up to
    /// the whole exactly.
    public static func share(of amount: Money, refundedBefore: Money, refunding: Money, whole: Money) throws(MoneyError) -> Money {
        func cumulative(_ part: Money) throws(MoneyError) -> Money {
            try Money(exactly: Rounding.halfEven.divide(Int128(amount.minorUnits) * Int128(part.minorUnits), by: Int128(max(whole.minorUnits, 1))),
                      currency: amount.currency)
        }
        return try cumulative(try refundedBefore.adding(refunding)).subtracting(try cumulative(refundedBefore))
    }
}
