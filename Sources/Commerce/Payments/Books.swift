import Ledger
import Money

/// The chart of accounts: every ledger account the platform opens, by who it belongs to and
/// its currency. Names are stable ids ("escrow:o-…:CNY"), so an account is opened on first use.
public enum Books {
    /// Money a payment channel has collected for us and owes us (debited when the buyer pays).
    public static func channel(_ name: String, _ currency: Currency = .CNY) -> Account {
        Account(id: "channel:\(name):\(currency.code)", currency: currency, flags: [.creditsMustNotExceedDebits])
    }

    /// What a buyer has paid in and not yet had assigned to orders or refunded.
    public static func buyer(_ consumerID: String) -> Account {
        Account(id: "buyer:\(consumerID):CNY", currency: .CNY, flags: [.debitsMustNotExceedCredits])
    }

    /// One order's escrow: what the buyer paid for it, held until delivery.
    public static func escrow(_ orderID: String) -> Account {
        Account(id: "escrow:\(orderID):CNY", currency: .CNY, flags: [.debitsMustNotExceedCredits])
    }

    /// The platform's position in a currency, through which every conversion passes.
    public static func fxLiquidity(_ currency: Currency) -> Account {
        Account(id: "fx:liquidity:\(currency.code)", currency: currency)
    }

    /// What conversions at the release rate made or lost against the quote's rate.
    public static func fxGainLoss(_ currency: Currency) -> Account {
        Account(id: "fx:gain-loss:\(currency.code)", currency: currency)
    }

    /// The platform's commission, in the merchant's currency.
    public static func commission(_ currency: Currency) -> Account {
        Account(id: "platform:commission:\(currency.code)", currency: currency)
    }

    /// What the platform owes a merchant, in the merchant's currency. It may not go below zero:
    /// payouts and claw-backs stop at what is there.
    public static func merchant(_ merchantID: String, _ currency: Currency) -> Account {
        Account(id: "merchant:\(merchantID):\(currency.code)", currency: currency, flags: [.debitsMustNotExceedCredits])
    }

    /// Freight owed to the carriers.
    public static let freight = Account(id: "payable:freight:CNY", currency: .CNY)

    /// Cross-border tax collected for customs.
    public static let customsTax = Account(id: "payable:customs-tax:CNY", currency: .CNY)

    /// Money sent to merchants' banks in payout files, by currency.
    public static func payouts(_ currency: Currency) -> Account {
        Account(id: "bank:payouts:\(currency.code)", currency: currency)
    }

    /// A traveller's wallet: what the platform holds for them, spent in shops abroad. It never
    /// goes below zero; what a claw-back cannot take from it becomes a debt.
    public static func wallet(_ consumerID: String) -> Account {
        Account(id: "wallet:\(consumerID):CNY", currency: .CNY, flags: [.debitsMustNotExceedCredits])
    }

    /// What a traveller owes after a claw-back found the wallet short; collected from the next
    /// top-up, never beyond what is owed.
    public static func walletDebt(_ consumerID: String) -> Account {
        Account(id: "wallet-debt:\(consumerID):CNY", currency: .CNY, flags: [.creditsMustNotExceedDebits])
    }

    /// What the refund operator owes for VAT refunds paid into wallets before export validation.
    public static func refundReceivable(_ currency: Currency) -> Account {
        Account(id: "receivable:refund-operator:\(currency.code)", currency: currency, flags: [.creditsMustNotExceedDebits])
    }

    /// Money the refund operator has paid us, by currency.
    public static func refundOperator(_ currency: Currency) -> Account {
        Account(id: "bank:refund-operator:\(currency.code)", currency: currency)
    }

    /// Money sent from wallets to travellers' bank cards.
    public static let cardWithdrawals = Account(id: "bank:card-withdrawals:CNY", currency: .CNY)

    /// The order an account or transfer belongs to, when its id names one.
    public static func orderID(inAccount id: String) -> String? {
        let parts = id.split(separator: ":")
        guard parts.count == 3, parts[0] == "escrow" else { return nil }
        return String(parts[1])
    }
}
