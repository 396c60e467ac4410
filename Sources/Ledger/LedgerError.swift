import Money

/// Why the ledger refused a batch. Every case names the transfer at fault; nothing of the
/// batch is applied.
public enum LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    case amountMustBePositive(transfer: String)
    case sameAccount(transfer: String)
    case unknownAccount(transfer: String, account: String)
    case currencyMismatch(transfer: String, account: String, expected: Currency, got: Currency)
    case debitsWouldExceedCredits(transfer: String, account: String)
    case creditsWouldExceedDebits(transfer: String, account: String)
    case unknownPending(transfer: String, pending: String)
    case pendingAlreadyResolved(transfer: String, pending: String, status: PendingStatus)
    case postExceedsPending(transfer: String, pending: String)
    case idReusedWithDifferentContent(transfer: String)
    case duplicateInBatch(transfer: String)
    case overflow(transfer: String)

    public var description: String {
        switch self {
        case .amountMustBePositive(let t): return "transfer \(t): the amount must be greater than zero"
        case .sameAccount(let t): return "transfer \(t): debit and credit are the same account"
        case .unknownAccount(let t, let a): return "transfer \(t): no account \(a)"
        case .currencyMismatch(let t, let a, let expected, let got):
            return "transfer \(t): account \(a) holds \(expected.code), not \(got.code)"
        case .debitsWouldExceedCredits(let t, let a): return "transfer \(t): account \(a) would go below zero"
        case .creditsWouldExceedDebits(let t, let a): return "transfer \(t): account \(a) would be credited beyond its debits"
        case .unknownPending(let t, let p): return "transfer \(t): no pending transfer \(p)"
        case .pendingAlreadyResolved(let t, let p, let status): return "transfer \(t): pending transfer \(p) is already \(status.rawValue)"
        case .postExceedsPending(let t, let p): return "transfer \(t): posts more than pending transfer \(p) reserved"
        case .idReusedWithDifferentContent(let t): return "transfer \(t) already exists with different content"
        case .duplicateInBatch(let t): return "transfer \(t) appears twice in one batch"
        case .overflow(let t): return "transfer \(t): a balance would overflow"
        }
    }
}
