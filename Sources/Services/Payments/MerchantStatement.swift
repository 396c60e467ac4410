import Commerce
import Foundation
import Ledger
import Money
import Storage

/// A merchant's money as it sees it: escrow held for its orders, its balances, and the
/// statement of every release, claw-back and payout.
public struct MerchantStatement: Sendable {
    public struct BalanceLine: Sendable {
        public let currency: Currency
        /// Owed and not yet in a payout.
        public let available: Money
        /// In a payout the bank has not yet confirmed.
        public let inPayout: Money
    }

    public struct Entry: Sendable {
        public let at: Date
        public let kind: String
        public let reference: String
        public let amount: Money
        public let detail: String
    }

    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// The goods held in escrow for the merchant's paid orders, in CNY.
    public func pendingInEscrow(of merchantID: String) async throws -> Money {
        let rows = try await store.read(SQL(
            """
            SELECT CAST(COALESCE(SUM(t.amount), 0) AS BIGINT) AS held FROM ledger_transfers t JOIN orders o ON t.debit_account = 'escrow:' || o.id || ':CNY'
            WHERE o.merchant_id = ? AND t.kind = 'pending' AND t.pending_status = 'pending' AND t.code = 'hold:goods'
            """, bind: merchantID))
        return Money(minorUnits: try rows.first?.integer("held") ?? 0, currency: .CNY)
    }

    public func balances(of merchantID: String) async throws -> [BalanceLine] {
        try await store.read(SQL("SELECT * FROM ledger_accounts WHERE id LIKE ? ORDER BY id", bind: "merchant:\(merchantID):%")).map { row in
            let (account, balance) = try LedgerRecords.account(row)
            return BalanceLine(
                currency: account.currency,
                available: Money(minorUnits: balance.creditsPosted - balance.debitsPosted - balance.debitsPending, currency: account.currency),
                inPayout: Money(minorUnits: balance.debitsPending, currency: account.currency))
        }
    }

    /// Every move on the merchant's accounts, newest first, with what caused it.
    public func entries(of merchantID: String) async throws -> [Entry] {
        try await store.read(SQL(
            """
            SELECT t.id, t.kind, t.code, t.amount, t.currency, t.created_at, t.debit_account, t.pending_status FROM ledger_transfers t
            WHERE (t.debit_account LIKE ? OR t.credit_account LIKE ?) ORDER BY t.created_at DESC, t.id
            """, bind: "merchant:\(merchantID):%", "merchant:\(merchantID):%")).map { row in
                let debit = try row.text("debit_account").hasPrefix("merchant:")
                let amount = try row.integer("amount")
                let kind = try row.text("code")
                return Entry(at: Date(millisecondsSince1970: try row.integer("created_at")), kind: kind, reference: try row.text("id"),
                             amount: Money(minorUnits: debit ? -amount : amount, currency: try Currency(code: try row.text("currency"))),
                             detail: try row.text("kind") == "pending" ? "held (\(try row.optionalText("pending_status") ?? ""))" : "")
            }
    }

    /// The statement as CSV: when, what, the ledger reference, signed amount, currency.
    public func csv(of merchantID: String) async throws -> String {
        let lines = try await entries(of: merchantID).map { entry in
            [entry.at.ISO8601Format(), entry.kind, entry.reference, entry.amount.decimalText, entry.amount.currency.code, entry.detail]
                .map(CSVTable.field).joined(separator: ",")
        }
        return (["at,kind,reference,amount,currency,detail"] + lines).joined(separator: "\r\n") + "\r\n"
    }
}
