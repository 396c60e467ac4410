import Money

/// The invariants of money, checked over a whole book of accounts: per currency, debits equal
/// credits (posted and pending alike), and no account breaks its flags.
public enum LedgerInvariants {
    public static func violations(accounts: [Account], balances: [String: Balance]) -> [String] {
        var problems: [String] = []
        // Summed in Int128, exact for any number of Int64 balances: a checker must not wrap.
        var sums: [Currency: (debitsPosted: Int128, creditsPosted: Int128, debitsPending: Int128, creditsPending: Int128)] = [:]
        for account in accounts {
            let balance = balances[account.id] ?? Balance()
            var sum = sums[account.currency] ?? (0, 0, 0, 0)
            sum.debitsPosted += Int128(balance.debitsPosted)
            sum.creditsPosted += Int128(balance.creditsPosted)
            sum.debitsPending += Int128(balance.debitsPending)
            sum.creditsPending += Int128(balance.creditsPending)
            sums[account.currency] = sum
            if account.flags.contains(.debitsMustNotExceedCredits),
               Int128(balance.debitsPosted) + Int128(balance.debitsPending) > Int128(balance.creditsPosted) {
                problems.append("account \(account.id) has debits beyond its credits")
            }
            if account.flags.contains(.creditsMustNotExceedDebits),
               Int128(balance.creditsPosted) + Int128(balance.creditsPending) > Int128(balance.debitsPosted) {
                problems.append("account \(account.id) has credits beyond its debits")
            }
            if balance.debitsPending < 0 || balance.creditsPending < 0 {
                problems.append("account \(account.id) has a negative pending amount")
            }
        }
        for (currency, sum) in sums.sorted(by: { $0.key < $1.key }) {
            if sum.debitsPosted != sum.creditsPosted {
                problems.append("\(currency.code): posted debits \(sum.debitsPosted) ≠ posted credits \(sum.creditsPosted)")
            }
            if sum.debitsPending != sum.creditsPending {
                problems.append("\(currency.code): pending debits \(sum.debitsPending) ≠ pending credits \(sum.creditsPending)")
            }
        }
        return problems
    }
}
