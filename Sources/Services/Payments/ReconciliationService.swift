import Commerce
import Foundation
import Ledger
import Money
import Storage

/// Matching a channel's statement against what the ledger booked through that channel:
/// charges are the payments into it, refunds the refunds out of it.
public struct ReconciliationService: Sendable {
    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    public func ledgerMovements(channel: String) async throws -> [ChannelMovement] {
        let account = Books.channel(channel).id
        return try await store.read(SQL(
            """
            SELECT id, code, amount, currency FROM ledger_transfers
            WHERE (debit_account = ? AND code IN ('payment', 'wallet-top-up')) OR (credit_account = ? AND code = 'refund') ORDER BY created_at, id
            """, bind: account, account)).map { row in
                let id = try row.text("id")
                let isCharge = try row.text("code") != "refund"
                // "pay:<payment>", "topup:<top-up>" and "refund:<refund>:channel" name the channel's own references.
                let reference = String(id.split(separator: ":").dropFirst().first ?? "")
                return ChannelMovement(reference: reference, kind: isCharge ? .charge : .refund,
                                       amount: Money(minorUnits: try row.integer("amount"), currency: try Currency(code: try row.text("currency"))))
            }
    }

    public func reconcile(channel: String, statement: String) async throws -> [Mismatch] {
        Reconciliation.mismatches(statement: try Reconciliation.parseStatement(statement), ledger: try await ledgerMovements(channel: channel))
    }
}
