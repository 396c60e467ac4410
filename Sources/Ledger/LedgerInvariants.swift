import Money

/// The invariants of money, checked over a whole book of accounts: per currency, debits equal
/// credits (posted and pending alike), and no account breaks its flags.
public enum LedgerInvariants {
    public static func violations(accounts: [Account], balances: [String: Balance]) -> [String] {
        var problems: [String] = []
        var sums: [Currency: (debitsPosted: Int64, creditsPosted: Int64, debitsPending: Int64, creditsPending: Int64)] = [:]
        for account in accounts {
            let balance = balances[account.id] ?? Balance()
            var sum = sums[account.currency] ?? (0, 0, 0, 0)
            sum.debitsPosted &+= balance.debitsPosted
            sum.creditsPosted &+= balance.creditsPosted
            sum.debitsPending &+= balance.debitsPending
            sum.creditsPending &+= balance.creditsPending
            sums[account.currency] = sum
            if account.flags.contains(.debitsMustNotExceedCredits),
               balance.debitsPosted &+ balance.debitsPending > balance.creditsPosted {
                problems.append("account \(account.id) has debits beyond its credits")
            }
            if account.flags.contains(.creditsMustNotExceedDebits),
               balance.creditsPosted &+ balance.creditsPending > balance.debitsPosted {
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
