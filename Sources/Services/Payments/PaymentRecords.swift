import Commerce
import Foundation
import Money
import Storage

/// A payment as the buyer and ops see it.
public struct PaymentView: Sendable, Equatable {
    public let id: String
    public let groupID: String
    public let consumerID: String
    public let channel: String
    public let amount: Money
    public let status: PaymentStatus
    public let reference: String?
    public let failure: String?
    let requestHash: String
    public let createdAt: Date
    public let updatedAt: Date

    func with(status: PaymentStatus, reference: String?, failure: String?, at now: Date) -> PaymentView {
        PaymentView(id: id, groupID: groupID, consumerID: consumerID, channel: channel, amount: amount, status: status,
                    reference: reference ?? self.reference, failure: failure, requestHash: requestHash, createdAt: createdAt, updatedAt: now)
    }
}

enum PaymentRecords {
    static func view(_ row: Row) throws -> PaymentView {
        guard let status = PaymentStatus(rawValue: try row.text("status")) else {
            throw StoreError.decoding(column: "status", expected: "a payment status")
        }
        return PaymentView(
            id: try row.text("id"), groupID: try row.text("group_id"), consumerID: try row.text("consumer_id"),
            channel: try row.text("channel"), amount: Money(minorUnits: try row.integer("amount_cny"), currency: .CNY), status: status,
            reference: try row.optionalText("channel_reference"), failure: try row.optionalText("failure"),
            requestHash: try row.text("request_hash"), createdAt: Date(millisecondsSince1970: try row.integer("created_at")),
            updatedAt: Date(millisecondsSince1970: try row.integer("updated_at")))
    }

    static func payment(_ id: String, in store: any Store) async throws -> PaymentView? {
        try await store.read(SQL("SELECT * FROM payments WHERE id = ?", bind: id)).first.map(view)
    }

    /// An order group's orders with what each costs and whom it pays. A cancelled order has
    /// left its group: the rest are paid without it.
    static func amounts(ofGroup groupID: String, in store: any Store) async throws -> [(amounts: OrderAmounts, status: OrderStatus, consumerID: String)] {
        try await store.read(SQL(
            """
            SELECT o.id, o.merchant_id, o.status, o.consumer_id, o.goods_cny, o.freight_cny, o.tax_cny, m.currency
            FROM orders o JOIN merchants m ON m.id = o.merchant_id WHERE o.group_id = ? AND o.status <> 'cancelled' ORDER BY o.id
            """, bind: groupID)).map(orderAmounts)
    }

    static func orderAmounts(_ row: Row) throws -> (amounts: OrderAmounts, status: OrderStatus, consumerID: String) {
        func cny(_ column: String) throws -> Money { Money(minorUnits: try row.integer(column), currency: .CNY) }
        return (try OrderAmounts(orderID: try row.text("id"), merchantID: try row.text("merchant_id"),
                             merchantCurrency: try Currency(code: try row.text("currency")),
                             goods: try cny("goods_cny"), freight: try cny("freight_cny"), tax: try cny("tax_cny")),
                OrderStatus(rawValue: try row.text("status")) ?? .cancelled, try row.text("consumer_id"))
    }

    /// The changes that move a payment from the state it was read in; a concurrent report
    /// that got there first sinks them.
    static func moving(_ payment: PaymentView, to status: PaymentStatus, reference: String?, failure: String?, at now: Date) -> Change {
        .guarded(SQL(
            """
            UPDATE payments SET status = ?, channel_reference = COALESCE(?, channel_reference), failure = ?, updated_at = ?
            WHERE id = ? AND status = ? RETURNING id
            """,
            bind: status.rawValue, reference, failure, now.millisecondsSince1970, payment.id, payment.status.rawValue),
            conflict: "payment \(payment.id) changed meanwhile")
    }

    /// A channel's report, kept once by its event id.
    static func report(channel: String, eventID: String, paymentID: String, status: PaymentStatus, source: String, applied: Bool,
                       at now: Date) -> Change {
        .guarded(SQL(
            """
            INSERT INTO payment_reports (channel, event_id, payment_id, status, source, applied, at) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (channel, event_id) DO NOTHING RETURNING event_id
            """,
            bind: channel, eventID, paymentID, status.rawValue, source, applied ? 1 : 0, now.millisecondsSince1970),
            conflict: "report \(eventID) was already received")
    }
}
