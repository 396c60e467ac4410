import Ledger
import Storage

/// `crossborder check` for the books of a live database.
public struct LedgerCheck: Sendable {
    public struct Report: Sendable {
        public let accounts: Int
        public let transfers: Int
        public let problems: [String]
    }

    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// Per currency all balances sum to zero; flagged accounts respect their flags; every stored
    /// balance equals the sums of its transfers; each pending transfer resolved at most once.
    public func run() async throws -> Report {
        let rows = try await store.read(SQL(
            """
            SELECT a.*,
              (SELECT CAST(COALESCE(SUM(t.amount), 0) AS BIGINT) FROM ledger_transfers t
                WHERE t.debit_account = a.id AND t.kind IN ('single', 'post')) AS derived_debits_posted,
              (SELECT CAST(COALESCE(SUM(t.amount), 0) AS BIGINT) FROM ledger_transfers t
                WHERE t.credit_account = a.id AND t.kind IN ('single', 'post')) AS derived_credits_posted,
              (SELECT CAST(COALESCE(SUM(t.amount), 0) AS BIGINT) FROM ledger_transfers t
                WHERE t.debit_account = a.id AND t.kind = 'pending' AND t.pending_status = 'pending') AS derived_debits_pending,
              (SELECT CAST(COALESCE(SUM(t.amount), 0) AS BIGINT) FROM ledger_transfers t
                WHERE t.credit_account = a.id AND t.kind = 'pending' AND t.pending_status = 'pending') AS derived_credits_pending
            FROM ledger_accounts a ORDER BY a.id
            """))
        var problems: [String] = []
        var accounts: [Account] = []
        var balances: [String: Balance] = [:]
        for row in rows {
            let (account, stored) = try LedgerRecords.account(row)
            accounts.append(account)
            balances[account.id] = stored
            let derived = Balance(
                debitsPending: try row.integer("derived_debits_pending"), debitsPosted: try row.integer("derived_debits_posted"),
                creditsPending: try row.integer("derived_credits_pending"), creditsPosted: try row.integer("derived_credits_posted"))
            if derived != stored {
                problems.append("account \(account.id): stored balance \(stored) differs from its transfers \(derived)")
            }
        }
        problems += LedgerInvariants.violations(accounts: accounts, balances: balances)
        let resolutions = try await store.read(SQL(
            """
            SELECT p.id, p.pending_status,
              (SELECT CAST(COUNT(*) AS BIGINT) FROM ledger_transfers r WHERE r.pending_id = p.id) AS resolutions
            FROM ledger_transfers p WHERE p.kind = 'pending'
            """))
        for row in resolutions {
            let count = try row.integer("resolutions")
            let status = try row.text("pending_status")
            if count > 1 || (status == "pending") != (count == 0) {
                problems.append("pending transfer \(try row.text("id")) is \(status) with \(count) resolutions")
            }
        }
        let transfers = try await store.read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM ledger_transfers"))
        return Report(accounts: accounts.count, transfers: Int(try transfers.first?.integer("n") ?? 0), problems: problems)
    }
}
