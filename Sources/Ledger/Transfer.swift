import Foundation
import Money

/// What a caller asks the ledger to do. Every request carries its own id: asking again with
/// the same id and the same content is answered with the transfer already recorded.
public enum TransferRequest: Sendable, Hashable {
    /// Move `amount` from `debit` to `credit` now.
    case single(id: String, debit: String, credit: String, amount: Money, code: String)
    /// Reserve `amount` (escrow): it counts against both accounts but is not yet moved.
    case pending(id: String, debit: String, credit: String, amount: Money, code: String)
    /// Move `amount` (at most the reserved amount) of a pending transfer; the rest is released.
    case post(id: String, pending: String, amount: Money, code: String)
    /// Release a pending transfer entirely.
    case void(id: String, pending: String, code: String)

    public var id: String {
        switch self {
        case .single(let id, _, _, _, _), .pending(let id, _, _, _, _), .post(let id, _, _, _), .void(let id, _, _): return id
        }
    }
}

/// A recorded transfer. Immutable: a correction is a new transfer.
public struct Transfer: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Hashable {
        case single, pending, post, void
    }

    public let id: String
    public let kind: Kind
    public let debit: String
    public let credit: String
    /// For `post`, the amount moved; for `void`, the amount released.
    public let amount: Money
    /// The pending transfer a `post` or `void` resolves.
    public let pendingID: String?
    public let code: String
    public let at: Date

    public init(id: String, kind: Kind, debit: String, credit: String, amount: Money, pendingID: String?, code: String, at: Date) {
        self.id = id
        self.kind = kind
        self.debit = debit
        self.credit = credit
        self.amount = amount
        self.pendingID = pendingID
        self.code = code
        self.at = at
    }
}

/// Where a pending transfer stands. It resolves at most once.
public enum PendingStatus: String, Sendable, Hashable {
    case pending, posted, voided
}
