import Foundation
import Money

/// Where a merchant is paid: its bank account (an IBAN where its country has them, otherwise
/// a domestic account number), its bank's BIC, and the commission it pays the platform.
public struct PayoutAccount: Sendable, Hashable {
    public let merchantID: String
    public let holder: String
    public let iban: IBAN?
    public let accountNumber: String?
    public let bic: String
    public let commissionBasisPoints: Int64

    public init(merchantID: String, holder: String, iban: IBAN?, accountNumber: String?, bic: String, commissionBasisPoints: Int64) {
        self.merchantID = merchantID
        self.holder = holder
        self.iban = iban
        self.accountNumber = accountNumber
        self.bic = bic
        self.commissionBasisPoints = commissionBasisPoints
    }
}

/// One merchant's payout in a batch.
public struct Payout: Sendable, Hashable {
    public let id: String
    public let account: PayoutAccount
    public let amount: Money

    public init(id: String, account: PayoutAccount, amount: Money) {
        self.id = id
        self.account = account
        self.amount = amount
    }
}

/// A day's payouts in one currency: one payout file, one control total.
public struct PayoutBatch: Sendable, Hashable {
    public let id: String
    public let currency: Currency
    public let executionDate: Day
    public let payouts: [Payout]

    public init(id: String, currency: Currency, executionDate: Day, payouts: [Payout]) {
        self.id = id
        self.currency = currency
        self.executionDate = executionDate
        self.payouts = payouts
    }

    public var controlSum: Money {
        get throws(MoneyError) { try Money.sum(payouts.map(\.amount), currency: currency) }
    }
}

/// The daily settlement: every merchant whose available balance (posted, less what payouts
/// already hold) reaches the minimum is paid all of it, one batch per currency.
public enum Settlement {
    /// The smallest payout, in major units of the currency: below it the money waits for the
    /// next day, as a transfer fee would eat too much of it.
    public static let minimumMajorUnits: Int64 = 50

    public static func minimum(_ currency: Currency) -> Money {
        Money(minorUnits: minimumMajorUnits * powerOfTen(currency.exponent), currency: currency)
    }

    public static func batches(
        on day: Day, available: [(merchantID: String, amount: Money)], accounts: [String: PayoutAccount]
    ) -> [PayoutBatch] {
        let due = available.filter { entry in
            accounts[entry.merchantID] != nil && entry.amount.minorUnits >= minimum(entry.amount.currency).minorUnits
        }
        let byCurrency = Dictionary(grouping: due, by: \.amount.currency)
        return byCurrency.keys.sorted { $0.code < $1.code }.compactMap { currency in
            let payouts = (byCurrency[currency] ?? []).sorted { $0.merchantID < $1.merchantID }.compactMap { entry -> Payout? in
                guard let account = accounts[entry.merchantID] else { return nil }
                return Payout(id: "po-\(day.description)-\(currency.code)-\(entry.merchantID)", account: account, amount: entry.amount)
            }
            return PayoutBatch(id: "pb-\(day.description)-\(currency.code)", currency: currency, executionDate: day, payouts: payouts)
        }
    }
}
