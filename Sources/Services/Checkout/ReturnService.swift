import Commerce
import Foundation
import Money
import Storage

/// A return as recorded.
public struct ReturnView: Sendable, Equatable {
    public enum Status: String, Sendable { case requested, refunded, declined }

    public let id: String
    public let orderID: String
    public let status: Status
    public let reason: String
    /// When the goods must be back for the tax and the allowance to come back.
    public let deadline: Date
    public let requestedAt: Date
    /// Why it was declined, or how it was refunded.
    public let note: String
}

/// After-sales returns (`ReturnRules`): the buyer asks within 30 days of customs release; when
/// the goods are back at the hub within the window, everything paid comes back, tax included,
/// and the allowance with it; ops may decline a request with a reason.
public struct ReturnService: Sendable {
    let store: any Store
    let orders: OrderService
    let refunds: RefundService

    public init(store: any Store, refunds: RefundService) {
        self.store = store
        self.orders = OrderService(store: store)
        self.refunds = refunds
    }

    public func request(_ orderID: String, for consumer: Consumer, reason given: String, at now: Date) async throws -> ReturnView {
        let reason = given.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...500).contains(reason.count) else { throw CatalogError(field: "reason", "say in a few words why the goods go back (up to 500 characters)") }
        guard let order = try await orders.order(orderID, of: consumer) else { throw OrderService.OrderNotFound(id: orderID) }
        let deadline = try ReturnRules.check(status: order.status, releasedAt: order.events.last { $0.to == .cleared }?.at, at: now)
        let id = "rt-" + UUID().uuidString.lowercased()
        do {
            try await store.apply([.guarded(SQL(
                """
                INSERT INTO order_returns (id, order_id, consumer_id, reason, status, deadline, requested_at, updated_at)
                VALUES (?, ?, ?, ?, 'requested', ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id
                """,
                bind: id, order.id, consumer.id, reason, deadline.millisecondsSince1970, now.millisecondsSince1970, now.millisecondsSince1970),
                conflict: "open return")])
        } catch StoreError.conflict {
            throw ReturnRefusal.alreadyAsked
        }
        return ReturnView(id: id, orderID: order.id, status: .requested, reason: reason, deadline: Date(millisecondsSince1970: deadline.millisecondsSince1970),
                          requestedAt: Date(millisecondsSince1970: now.millisecondsSince1970), note: "")
    }

    /// The goods are back at the hub: everything left of the order is refunded as a return (the
    /// allowance comes back) when they came within the window; after it, ops refunds as goodwill.
    @discardableResult
    public func received(_ returnID: String, by actor: String, at now: Date) async throws -> ReturnView {
        guard let found = try await view(returnID) else { throw OrderService.OrderNotFound(id: returnID) }
        guard found.status == .requested else { throw ReturnRefusal.settled }
        guard now <= found.deadline else { throw ReturnRefusal.windowClosed(deadline: found.deadline) }
        try await refunds.refundRest(of: found.orderID, reason: "returned: \(found.reason)", requestedBy: actor, refundID: "r-\(returnID)",
                                     returned: true, at: now)
        try await store.apply([.guarded(SQL(
            "UPDATE order_returns SET status = 'refunded', note = ?, updated_at = ? WHERE id = ? AND status = 'requested' RETURNING id",
            bind: "received back by \(actor)", now.millisecondsSince1970, returnID), conflict: "the return was settled meanwhile")])
        return try await view(returnID) ?? found
    }

    public func decline(_ returnID: String, by actor: String, note given: String, at now: Date) async throws {
        let note = given.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...500).contains(note.count) else { throw CatalogError(field: "note", "tell the buyer why the return is declined") }
        try await store.apply([.guarded(SQL(
            "UPDATE order_returns SET status = 'declined', note = ?, updated_at = ? WHERE id = ? AND status = 'requested' RETURNING id",
            bind: "\(note) (\(actor))", now.millisecondsSince1970, returnID), conflict: "the return was settled meanwhile")])
    }

    public func returns(of orderID: String) async throws -> [ReturnView] {
        try await store.read(SQL("SELECT * FROM order_returns WHERE order_id = ? ORDER BY requested_at DESC", bind: orderID)).map(Self.view)
    }

    /// Requests waiting for their goods, oldest first.
    public func open(limit: Int, offset: Int) async throws -> [ReturnView] {
        try await store.read(SQL("SELECT * FROM order_returns WHERE status = 'requested' ORDER BY requested_at, id LIMIT ? OFFSET ?",
                                 bind: limit, offset)).map(Self.view)
    }

    private func view(_ id: String) async throws -> ReturnView? {
        try await store.read(SQL("SELECT * FROM order_returns WHERE id = ?", bind: id)).first.map(Self.view)
    }

    static func view(_ row: Row) throws -> ReturnView {
        ReturnView(id: try row.text("id"), orderID: try row.text("order_id"), status: ReturnView.Status(rawValue: try row.text("status")) ?? .requested,
                   reason: try row.text("reason"), deadline: Date(millisecondsSince1970: try row.integer("deadline")),
                   requestedAt: Date(millisecondsSince1970: try row.integer("requested_at")), note: try row.text("note"))
    }
}
