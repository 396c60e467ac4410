import Commerce
import Foundation

/// Asks the account's bank whose account it is (Confirmation of Payee in the UK, Verification
/// of Payee in SEPA, an account validation service in the US). Throws `ProviderUnavailable`
/// when the bank cannot say.
public protocol BankAccountVerifier: Sendable {
    func verify(_ account: MerchantApplication.PayoutAccount, expectedHolder: String) async throws -> BankAccountAnswer
}

/// A bank's test environment: an account number or IBAN ending 0000 does not exist, 9999 is
/// someone else's, 9997 is the business's under its name misspelt, 9998 finds the bank
/// down; any other is the expected holder's. Slow, and at `outageRate` down at random.
public struct SandboxBankAccounts: BankAccountVerifier {
    public var delay: Duration
    public var outageRate: Double

    public init(delay: Duration = .milliseconds(40), outageRate: Double = 0) {
        self.delay = delay
        self.outageRate = outageRate
    }

    public func verify(_ account: MerchantApplication.PayoutAccount, expectedHolder: String) async throws -> BankAccountAnswer {
        try? await Task.sleep(for: delay)  // safe: a cancelled wait only makes the sandbox answer sooner
        if outageRate > 0, Double.random(in: 0..<1) < outageRate { throw ProviderUnavailable(provider: "the payout bank") }
        let number = (account.iban ?? account.accountNumber ?? "").filter { $0.isLetter || $0.isNumber }
        switch number.suffix(4) {
        case "0000": return BankAccountAnswer(accountExists: false, holderName: nil)
        case "9999": return BankAccountAnswer(accountExists: true, holderName: "Someone Else Trading Ltd")
        case "9997":
            let words = expectedHolder.split(separator: " ", maxSplits: 1)
            let misspelt = String(words.first?.dropLast() ?? "") + (words.count > 1 ? " " + words[1] : "")
            return BankAccountAnswer(accountExists: true, holderName: misspelt)
        case "9998": throw ProviderUnavailable(provider: "the payout bank")
        default: return BankAccountAnswer(accountExists: true, holderName: expectedHolder)
        }
    }
}
