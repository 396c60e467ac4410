import Commerce
import Foundation
import Ledger
import Money
import Storage

/// Where an order's escrow stands, read from the ledger and the release and refund records.
public struct EscrowView: Sendable, Equatable {
    public enum State: String, Sendable {
        case unpaid, held, released, refunded
    }

    public let orderID: String
    public let state: State
    public let held: Money
    public let refunded: Money
    public let release: ReleaseRecord?
}

/// A release as recorded, with both rates.
public struct ReleaseRecord: Sendable, Equatable {
    public let orderID: String
    public let merchantID: String
    public let goodsCNY: Money
    public let share: Money
    public let converted: Money
    public let fxGain: Money
    public let commission: Money
    public let quoteRate: String
    public let releaseRate: String
    public let releasedAt: Date
}

enum EscrowRecords {
    /// The order's open holds: pending transfers out of its escrow not yet posted or voided.
    static func holds(of orderID: String, in store: any Store) async throws -> [EscrowHold] {
        try await store.read(SQL(
            """
            SELECT id, code, amount FROM ledger_transfers
            WHERE debit_account = ? AND kind = 'pending' AND pending_status = 'pending' ORDER BY id
            """, bind: Books.escrow(orderID).id)).compactMap { row in
                guard let part = EscrowPart(rawValue: String(try row.text("code").dropFirst("hold:".count))) else { return nil }
                return EscrowHold(transferID: try row.text("id"), part: part, amount: Money(minorUnits: try row.integer("amount"), currency: .CNY))
            }
    }

    static func refunded(_ orderID: String, in store: any Store) async throws -> Money {
        let rows = try await store.read(SQL(
            "SELECT CAST(COALESCE(SUM(amount_cny), 0) AS BIGINT) AS total FROM refunds WHERE order_id = ?", bind: orderID))
        return Money(minorUnits: try rows.first?.integer("total") ?? 0, currency: .CNY)
    }

    static func release(_ orderID: String, in store: any Store) async throws -> ReleaseRecord? {
        try await releases(SQL("SELECT * FROM escrow_releases WHERE order_id = ?", bind: orderID), in: store).first
    }

    static func releases(_ sql: SQL, in store: any Store) async throws -> [ReleaseRecord] {
        try await store.read(sql).map { row in
            let currency = try Currency(code: try row.text("currency"))
            func amount(_ column: String) throws -> Money { Money(minorUnits: try row.integer(column), currency: currency) }
            return ReleaseRecord(
                orderID: try row.text("order_id"), merchantID: try row.text("merchant_id"),
                goodsCNY: Money(minorUnits: try row.integer("goods_cny"), currency: .CNY), share: try amount("share_minor"),
                converted: try amount("converted_minor"), fxGain: try amount("fx_gain_minor"), commission: try amount("commission_minor"),
                quoteRate: try row.text("quote_rate"), releaseRate: try row.text("release_rate"),
                releasedAt: Date(millisecondsSince1970: try row.integer("released_at")))
        }
    }

    static func view(of orderID: String, status: OrderStatus, in store: any Store) async throws -> EscrowView {
        let holds = try await holds(of: orderID, in: store)
        let refunded = try await refunded(orderID, in: store)
        let release = try await release(orderID, in: store)
        let held = try Money.sum(holds.map(\.amount), currency: .CNY)
        let state: EscrowView.State = if status == .refunded { .refunded } else if release != nil { .released }
            else if [.created, .cancelled].contains(status) { .unpaid } else { .held }
        return EscrowView(orderID: orderID, state: state, held: held, refunded: refunded, release: release)
    }
}
