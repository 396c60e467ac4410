import Foundation
import Ledger
import Money
import Storage

/// Loads what a batch of transfers touches, lets the ledger decide, and records the outcome
/// in one transaction; a concurrent change to a touched account runs the batch again.
public struct LedgerService: Sendable {
    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    public func open(_ accounts: [Account], at now: Date) async throws {
        try await store.apply(LedgerRecords.opening(accounts, at: now))
    }

    /// Applies `requests` as one linked batch.
    @discardableResult
    public func post(_ requests: [TransferRequest], at now: Date) async throws -> LedgerOutcome {
        try await store.transact { reader in
            let state = try await LedgerService.load(for: requests, from: reader)
            let outcome = try Ledger.apply(requests, to: state, at: now)
            return (LedgerRecords.recording(outcome, loaded: state, on: store.kind), outcome)
        }
    }

    /// The changes that book `requests` as one linked batch, decided on the balances `store`
    /// reads now; the flagged accounts' guards make a concurrent move refuse rather than overdraw.
    public static func booking(_ requests: [TransferRequest], in store: any Store, at now: Date) async throws -> [Change] {
        try booking(requests, on: try await load(for: requests, from: store), kind: store.kind, at: now)
    }

    /// The same, decided on a state the caller knows without reading it.
    static func booking(_ requests: [TransferRequest], on state: LedgerState, kind: StoreKind, at now: Date) throws -> [Change] {
        LedgerRecords.recording(try Ledger.apply(requests, to: state, at: now), loaded: state, on: kind)
    }

    /// What `requests` need to be decided: their accounts with balances, the pending
    /// transfers they resolve, and transfers already recorded under their ids.
    public static func load(for requests: [TransferRequest], from store: any Store) async throws -> LedgerState {
        let ids = requests.map(\.id)
        var pendingIDs: [String] = []
        var accountIDs = Set<String>()
        for request in requests {
            switch request {
            case .single(_, let debit, let credit, _, _), .pending(_, let debit, let credit, _, _):
                accountIDs.formUnion([debit, credit])
            case .post(_, let pending, _, _), .void(_, let pending, _):
                pendingIDs.append(pending)
            }
        }
        let recorded = try await transfers(ids, from: store)
        let pendingRows = pendingIDs.isEmpty ? [] : try await store.read(SQL(
            "SELECT * FROM ledger_transfers WHERE kind = 'pending' AND id IN (\(SQL.placeholders(pendingIDs.count)))",
            pendingIDs.map { $0.sqlValue }))
        let pending = try pendingRows.map { row in
            PendingTransfer(transfer: try LedgerRecords.transfer(row),
                            status: PendingStatus(rawValue: try row.text("pending_status")) ?? .pending)
        }
        for held in pending { accountIDs.formUnion([held.transfer.debit, held.transfer.credit]) }
        let accountRows = accountIDs.isEmpty ? [] : try await store.read(SQL(
            "SELECT * FROM ledger_accounts WHERE id IN (\(SQL.placeholders(accountIDs.count)))",
            accountIDs.sorted().map { $0.sqlValue }))
        let accounts = try accountRows.map(LedgerRecords.account)
        return LedgerState(
            accounts: accounts.map(\.account),
            balances: Dictionary(uniqueKeysWithValues: accounts.map { ($0.account.id, $0.balance) }),
            pending: pending, recorded: recorded)
    }

    static func transfers(_ ids: [String], from store: any Store) async throws -> [Transfer] {
        guard !ids.isEmpty else { return [] }
        return try await store.read(SQL(
            "SELECT * FROM ledger_transfers WHERE id IN (\(SQL.placeholders(ids.count)))", ids.map { $0.sqlValue }))
            .map(LedgerRecords.transfer)
    }

    /// The transfers that move `accountID`, newest first: an account's history, for the ops
    /// ledger and the buyer's wallet alike.
    public func history(of accountID: String, limit: Int) async throws -> [Transfer] {
        try await store.read(SQL(
            "SELECT * FROM ledger_transfers WHERE debit_account = ? OR credit_account = ? ORDER BY created_at DESC, id LIMIT ?",
            bind: accountID, accountID, limit))
            .map(LedgerRecords.transfer)
    }

    /// The accounts whose ids start with `prefix`, in id order, with their balances.
    public func accounts(startingWith prefix: String, limit: Int) async throws -> [(account: Account, balance: Balance)] {
        try await store.read(SQL(
            #"SELECT * FROM ledger_accounts WHERE id LIKE ? ESCAPE '\' ORDER BY id LIMIT ?"#,
            bind: prefix.reduce(into: "") { pattern, character in
                if "%_\\".contains(character) { pattern.append("\\") }
                pattern.append(character)
            } + "%", limit))
            .map(LedgerRecords.account)
    }

    public func balances(of accountIDs: [String]) async throws -> [String: Balance] {
        guard !accountIDs.isEmpty else { return [:] }
        let rows = try await store.read(SQL(
            "SELECT * FROM ledger_accounts WHERE id IN (\(SQL.placeholders(accountIDs.count)))", accountIDs.map { $0.sqlValue }))
        return Dictionary(uniqueKeysWithValues: try rows.map(LedgerRecords.account).map { ($0.account.id, $0.balance) })
    }
}
