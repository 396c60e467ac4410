import Money

/// What an account may never do. TigerBeetle's rule, applied to pending and posted amounts
/// together: an account flagged `debitsMustNotExceedCredits` can never go below zero, counting
/// what is reserved as spent.
public struct AccountFlags: OptionSet, Sendable, Hashable {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }

    public static let debitsMustNotExceedCredits = AccountFlags(rawValue: 1)
    public static let creditsMustNotExceedDebits = AccountFlags(rawValue: 2)
}

/// A ledger account: one party's position in one currency ("escrow for order 42 in CNY").
public struct Account: Sendable, Hashable, Identifiable {
    public let id: String
    public let currency: Currency
    public let flags: AccountFlags

    public init(id: String, currency: Currency, flags: AccountFlags = []) {
        self.id = id
        self.currency = currency
        self.flags = flags
    }
}

/// The four running sums of an account, in minor units of its currency. They are derived:
/// replaying the account's transfers gives them again.
public struct Balance: Sendable, Hashable, CustomStringConvertible {
    public var debitsPending: Int64 = 0
    public var debitsPosted: Int64 = 0
    public var creditsPending: Int64 = 0
    public var creditsPosted: Int64 = 0

    public init(debitsPending: Int64 = 0, debitsPosted: Int64 = 0, creditsPending: Int64 = 0, creditsPosted: Int64 = 0) {
        self.debitsPending = debitsPending
        self.debitsPosted = debitsPosted
        self.creditsPending = creditsPending
        self.creditsPosted = creditsPosted
    }

    /// Debits posted and pending together, as a flag counts them; nil when the sum does not fit
    /// in Int64 (checked before any limit, as TigerBeetle checks overflows_debits first).
    public var debitsWithPending: Int64? {
        let (sum, overflow) = debitsPosted.addingReportingOverflow(debitsPending)
        return overflow ? nil : sum
    }

    public var creditsWithPending: Int64? {
        let (sum, overflow) = creditsPosted.addingReportingOverflow(creditsPending)
        return overflow ? nil : sum
    }

    public var description: String {
        "debits \(debitsPosted) posted + \(debitsPending) pending, credits \(creditsPosted) posted + \(creditsPending) pending"
    }
}
