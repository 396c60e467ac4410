import Foundation
import Money

/// A pending transfer as loaded, with where it stands.
public struct PendingTransfer: Sendable, Hashable {
    public let transfer: Transfer
    public var status: PendingStatus

    public init(transfer: Transfer, status: PendingStatus) {
        self.transfer = transfer
        self.status = status
    }
}

/// What a batch needs to be decided: the accounts it touches with their balances, the pending
/// transfers it resolves, and any transfers already recorded under its ids.
public struct LedgerState: Sendable {
    public var accounts: [String: Account]
    public var balances: [String: Balance]
    public var pending: [String: PendingTransfer]
    public var recorded: [String: Transfer]

    public init(accounts: [Account], balances: [String: Balance], pending: [PendingTransfer], recorded: [Transfer]) {
        self.accounts = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.balances = balances
        self.pending = Dictionary(pending.map { ($0.transfer.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.recorded = Dictionary(recorded.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// What applying a batch changes: the transfers to record, the new balances of the accounts
/// they touch, and the pending transfers they resolve. Replays (ids already recorded with the
/// same content) change nothing and are listed apart.
public struct LedgerOutcome: Sendable, Equatable {
    public var recorded: [Transfer] = []
    public var replayed: [Transfer] = []
    public var balances: [String: Balance] = [:]
    public var resolved: [String: PendingStatus] = [:]
}

/// The double-entry rules. Pure: the state and the time come in, the outcome goes out.
public enum Ledger {
    /// Applies `requests` as one linked batch: every transfer succeeds, or none does.
    public static func apply(_ requests: [TransferRequest], to state: LedgerState, at now: Date) throws(LedgerError) -> LedgerOutcome {
        var working = state
        var outcome = LedgerOutcome()
        var seen = Set<String>()
        for request in requests {
            guard seen.insert(request.id).inserted else { throw .duplicateInBatch(transfer: request.id) }
            if let earlier = state.recorded[request.id] {
                guard matches(request, earlier) else { throw .idReusedWithDifferentContent(transfer: request.id) }
                outcome.replayed.append(earlier)
                continue
            }
            let transfer = try record(request, in: working, at: now)
            try move(transfer, in: &working)
            if let pendingID = transfer.pendingID {
                working.pending[pendingID]?.status = transfer.kind == .post ? .posted : .voided
                outcome.resolved[pendingID] = working.pending[pendingID]?.status
            } else if transfer.kind == .pending {
                working.pending[transfer.id] = PendingTransfer(transfer: transfer, status: .pending)
            }
            outcome.recorded.append(transfer)
            outcome.balances[transfer.debit] = working.balances[transfer.debit]
            outcome.balances[transfer.credit] = working.balances[transfer.credit]
        }
        return outcome
    }

    /// The transfer a request becomes, checked against the accounts and pending transfers.
    static func record(_ request: TransferRequest, in state: LedgerState, at now: Date) throws(LedgerError) -> Transfer {
        switch request {
        case .single(let id, let debit, let credit, let amount, let code),
             .pending(let id, let debit, let credit, let amount, let code):
            guard amount.minorUnits > 0 else { throw .amountMustBePositive(transfer: id) }
            guard debit != credit else { throw .sameAccount(transfer: id) }
            for accountID in [debit, credit] {
                guard let account = state.accounts[accountID] else { throw .unknownAccount(transfer: id, account: accountID) }
                guard account.currency == amount.currency else {
                    throw .currencyMismatch(transfer: id, account: accountID, expected: account.currency, got: amount.currency)
                }
            }
            let kind: Transfer.Kind = if case .single = request { .single } else { .pending }
            return Transfer(id: id, kind: kind, debit: debit, credit: credit, amount: amount, pendingID: nil, code: code, at: now)
        case .post(let id, let pendingID, let amount, let code):
            let pending = try unresolved(pendingID, for: id, in: state)
            guard amount.currency == pending.amount.currency else {
                throw .currencyMismatch(transfer: id, account: pending.debit, expected: pending.amount.currency, got: amount.currency)
            }
            guard amount.minorUnits > 0 else { throw .amountMustBePositive(transfer: id) }
            guard amount.minorUnits <= pending.amount.minorUnits else { throw .postExceedsPending(transfer: id, pending: pendingID) }
            return Transfer(id: id, kind: .post, debit: pending.debit, credit: pending.credit, amount: amount,
                            pendingID: pendingID, code: code, at: now)
        case .void(let id, let pendingID, let code):
            let pending = try unresolved(pendingID, for: id, in: state)
            return Transfer(id: id, kind: .void, debit: pending.debit, credit: pending.credit, amount: pending.amount,
                            pendingID: pendingID, code: code, at: now)
        }
    }

    private static func unresolved(_ pendingID: String, for id: String, in state: LedgerState) throws(LedgerError) -> Transfer {
        guard let pending = state.pending[pendingID] else { throw .unknownPending(transfer: id, pending: pendingID) }
        guard pending.status == .pending else {
            throw .pendingAlreadyResolved(transfer: id, pending: pendingID, status: pending.status)
        }
        return pending.transfer
    }

    /// Moves the transfer's amounts on both accounts, then holds each to its flags.
    static func move(_ transfer: Transfer, in state: inout LedgerState) throws(LedgerError) {
        var debit = state.balances[transfer.debit] ?? Balance()
        var credit = state.balances[transfer.credit] ?? Balance()
        let reserved = transfer.pendingID.flatMap { state.pending[$0]?.transfer.amount.minorUnits } ?? 0
        do {
            try BalanceEffect.of(transfer, reserved: reserved).apply(debit: &debit, credit: &credit)
        } catch {
            throw .overflow(transfer: transfer.id)
        }
        for (accountID, balance) in [(transfer.debit, debit), (transfer.credit, credit)] {
            let flags = state.accounts[accountID]?.flags ?? []
            guard let debits = balance.debitsWithPending, let credits = balance.creditsWithPending else {
                throw .overflow(transfer: transfer.id)
            }
            if flags.contains(.debitsMustNotExceedCredits), debits > balance.creditsPosted {
                throw .debitsWouldExceedCredits(transfer: transfer.id, account: accountID)
            }
            if flags.contains(.creditsMustNotExceedDebits), credits > balance.debitsPosted {
                throw .creditsWouldExceedDebits(transfer: transfer.id, account: accountID)
            }
        }
        state.balances[transfer.debit] = debit
        state.balances[transfer.credit] = credit
    }

    static func matches(_ request: TransferRequest, _ transfer: Transfer) -> Bool {
        switch request {
        case .single(_, let debit, let credit, let amount, let code):
            return transfer.kind == .single && transfer.debit == debit && transfer.credit == credit
                && transfer.amount == amount && transfer.code == code
        case .pending(_, let debit, let credit, let amount, let code):
            return transfer.kind == .pending && transfer.debit == debit && transfer.credit == credit
                && transfer.amount == amount && transfer.code == code
        case .post(_, let pending, let amount, let code):
            return transfer.kind == .post && transfer.pendingID == pending && transfer.amount == amount && transfer.code == code
        case .void(_, let pending, let code):
            return transfer.kind == .void && transfer.pendingID == pending && transfer.code == code
        }
    }

    /// Every account's balance, derived again from its transfers in the order they were made.
    /// A sum that would overflow is an error naming the transfer: recorded transfers were
    /// checked when they were made, so it means the record was altered.
    public static func balances(replaying transfers: [Transfer]) throws(LedgerError) -> [String: Balance] {
        var balances: [String: Balance] = [:]
        var reserved: [String: Int64] = [:]
        for transfer in transfers {
            if transfer.kind == .pending { reserved[transfer.id] = transfer.amount.minorUnits }
            var debit = balances[transfer.debit] ?? Balance()
            var credit = balances[transfer.credit] ?? Balance()
            let effect = BalanceEffect.of(transfer, reserved: transfer.pendingID.flatMap { reserved[$0] } ?? 0)
            do { try effect.apply(debit: &debit, credit: &credit) } catch { throw .overflow(transfer: transfer.id) }
            balances[transfer.debit] = debit
            balances[transfer.credit] = credit
        }
        return balances
    }
}

/// How one transfer changes the pending and posted sums of its two accounts.
struct BalanceEffect {
    var pending: Int64 = 0
    var posted: Int64 = 0

    static func of(_ transfer: Transfer, reserved: Int64) -> BalanceEffect {
        switch transfer.kind {
        case .single: return BalanceEffect(posted: transfer.amount.minorUnits)
        case .pending: return BalanceEffect(pending: transfer.amount.minorUnits)
        case .post: return BalanceEffect(pending: -reserved, posted: transfer.amount.minorUnits)
        case .void: return BalanceEffect(pending: -reserved)
        }
    }

    struct Overflow: Error {}

    func apply(debit: inout Balance, credit: inout Balance) throws(Overflow) {
        func add(_ a: Int64, _ b: Int64) throws(Overflow) -> Int64 {
            let (sum, overflow) = a.addingReportingOverflow(b)
            guard !overflow else { throw Overflow() }
            return sum
        }
        debit.debitsPending = try add(debit.debitsPending, pending)
        debit.debitsPosted = try add(debit.debitsPosted, posted)
        credit.creditsPending = try add(credit.creditsPending, pending)
        credit.creditsPosted = try add(credit.creditsPosted, posted)
    }
}
