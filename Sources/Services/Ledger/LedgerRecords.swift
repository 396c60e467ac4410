import Foundation
import Ledger
import Money
import Storage

/// How ledger accounts and transfers map to rows and back, and the changes that record a
/// decided batch.
public enum LedgerRecords {
    /// The changes that open `accounts`; an account that already exists is left as it is. One
    /// statement per chunk: a payment opens some twenty accounts, nearly all there already, and
    /// a statement each was a third of the writer's statements in `bench checkout`.
    public static func opening(_ accounts: [Account], at now: Date) -> [Change] {
        var seen = Set<String>()
        return inserting(accounts.filter { seen.insert($0.id).inserted }, into: "ledger_accounts (id, currency, flags, created_at)",
                         then: "ON CONFLICT (id) DO NOTHING") { account in
            [account.id.sqlValue, account.currency.code.sqlValue, account.flags.rawValue.sqlValue, now.millisecondsSince1970.sqlValue]
        }
    }

    /// One multi-row INSERT per chunk of `rows`: per-statement overhead, not the rows, is what a
    /// busy batch pays for.
    static func inserting<Item>(_ rows: [Item], into table: String, then tail: String = "", values: (Item) -> [SQLValue]) -> [Change] {
        stride(from: 0, to: rows.count, by: insertChunk).map { start in
            let chunk = rows[start..<min(rows.count, start + insertChunk)]
            let bindings = chunk.flatMap(values)
            let row = "(" + Array(repeating: "?", count: bindings.count / chunk.count).joined(separator: ", ") + ")"
            return .write(SQL("INSERT INTO \(table) VALUES \(Array(repeating: row, count: chunk.count).joined(separator: ", ")) \(tail)",
                              bindings))
        }
    }

    /// The changes that record `outcome`, decided on `loaded`. Balances move by their deltas, so
    /// that concurrent batches on a busy account (a channel, the escrow) never conflict; a
    /// flagged account's update carries its flag as a guard, so the database refuses, rather
    /// than overwrites, a move that would now break it. Each resolution is guarded by the
    /// pending status it found.
    public static func recording(_ outcome: LedgerOutcome, loaded: LedgerState, on kind: StoreKind) -> [Change] {
        var changes = inserting(outcome.recorded, into: """
            ledger_transfers (id, kind, debit_account, credit_account, amount, currency, pending_id, pending_status, code, created_at)
            """) { transfer in
            [transfer.id.sqlValue, transfer.kind.rawValue.sqlValue, transfer.debit.sqlValue, transfer.credit.sqlValue,
             transfer.amount.minorUnits.sqlValue, transfer.amount.currency.code.sqlValue, transfer.pendingID.map { $0.sqlValue } ?? .null,
             transfer.kind == .pending ? PendingStatus.pending.rawValue.sqlValue : .null, transfer.code.sqlValue,
             transfer.at.millisecondsSince1970.sqlValue]
        }
        for (pendingID, status) in outcome.resolved.sorted(by: { $0.key < $1.key }) where status != .pending {
            changes.append(.guarded(SQL(
                "UPDATE ledger_transfers SET pending_status = ? WHERE id = ? AND pending_status = 'pending' RETURNING id",
                bind: status.rawValue, pendingID), conflict: "pending transfer \(pendingID) was resolved meanwhile"))
        }
        let moves = outcome.balances.sorted(by: { $0.key < $1.key }).map { accountID, balance in
            let before = loaded.balances[accountID] ?? Balance()
            return (account: accountID, flags: loaded.accounts[accountID]?.flags ?? [],
                    delta: [balance.debitsPending - before.debitsPending, balance.debitsPosted - before.debitsPosted,
                            balance.creditsPending - before.creditsPending, balance.creditsPosted - before.creditsPosted])
        }
        // On SQLite one statement per chunk of accounts (a payment moves six) instead of one each.
        // On PostgreSQL one account per statement, in key order: a multi-row UPDATE locks rows
        // in its plan's order (a bitmap scan's heap order), and concurrent payments deadlocked.
        let perStatement = kind == .sqlite ? insertChunk : 1
        for start in stride(from: 0, to: moves.count, by: perStatement) {
            let chunk = moves[start..<min(moves.count, start + perStatement)]
            var sets: [String] = []
            var bindings: [SQLValue] = []
            for (column, name) in ["debits_pending", "debits_posted", "credits_pending", "credits_posted"].enumerated() {
                sets.append("\(name) = \(name) + CASE id\(String(repeating: " WHEN ? THEN CAST(? AS BIGINT)", count: chunk.count)) ELSE 0 END")
                bindings += chunk.flatMap { [$0.account.sqlValue, $0.delta[column].sqlValue] }
            }
            bindings += chunk.map(\.account.sqlValue)
            // A flagged account carries its flag as a guard: the database refuses, rather than
            // overwrites, a move that would now break it.
            var guards: [String] = []
            for move in chunk {
                if move.flags.contains(.debitsMustNotExceedCredits) {
                    guards.append("(id <> ? OR debits_posted + ? + debits_pending + ? <= credits_posted + ?)")
                    bindings += [move.account.sqlValue] + [move.delta[1], move.delta[0], move.delta[3]].map { $0.sqlValue }
                }
                if move.flags.contains(.creditsMustNotExceedDebits) {
                    guards.append("(id <> ? OR credits_posted + ? + credits_pending + ? <= debits_posted + ?)")
                    bindings += [move.account.sqlValue] + [move.delta[3], move.delta[2], move.delta[1]].map { $0.sqlValue }
                }
            }
            changes.append(.guarded(SQL(
                """
                UPDATE ledger_accounts SET \(sets.joined(separator: ", "))
                WHERE id IN (\(SQL.placeholders(chunk.count)))\(guards.map { " AND " + $0 }.joined()) RETURNING id
                """, bindings),
                rows: chunk.count, conflict: "an account among \(chunk.map(\.account).joined(separator: ", ")) no longer allows this move"))
        }
        return changes
    }

    /// Transfers per INSERT: 10 values each, well inside both databases' parameter limits.
    static let insertChunk = 500

    static func account(_ row: Row) throws -> (account: Account, balance: Balance) {
        (Account(id: try row.text("id"), currency: try Currency(code: try row.text("currency")),
                 flags: AccountFlags(rawValue: try row.integer("flags"))),
         Balance(debitsPending: try row.integer("debits_pending"), debitsPosted: try row.integer("debits_posted"),
                 creditsPending: try row.integer("credits_pending"), creditsPosted: try row.integer("credits_posted")))
    }

    static func transfer(_ row: Row) throws -> Transfer {
        guard let kind = Transfer.Kind(rawValue: try row.text("kind")) else {
            throw StoreError.decoding(column: "kind", expected: "a transfer kind")
        }
        return Transfer(
            id: try row.text("id"), kind: kind, debit: try row.text("debit_account"), credit: try row.text("credit_account"),
            amount: Money(minorUnits: try row.integer("amount"), currency: try Currency(code: try row.text("currency"))),
            pendingID: try row.optionalText("pending_id"), code: try row.text("code"),
            at: Date(millisecondsSince1970: try row.integer("created_at")))
    }
}
