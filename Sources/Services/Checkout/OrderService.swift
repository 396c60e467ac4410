import Commerce
import Foundation
import Money
import Storage

/// An order as the buyer and the merchant see it.
public struct OrderView: Sendable {
    public struct Line: Sendable {
        public let skuID: String
        public let productID: String
        public let name: LocalizedText
        public let hsCode: String
        public let quantity: Int64
        public let unitPrice: Money
        public let goods: Money
        public let freight: Money
        public let tax: Money
    }

    public let id: String
    public let groupID: String
    public let consumerID: String
    public let merchantID: String
    public let status: OrderStatus
    public let goods: Money
    public let freight: Money
    public let tax: Money
    public let total: Money
    public let rate: String
    public let deliverTo: String
    public let createdAt: Date
    public let payBy: Date
    public let lines: [Line]
    /// The import allowance this order uses: the buyer's number (as a fingerprint), the year, the amount.
    let allowance: OrderState.Allowance?
    public let events: [OrderEvent]

    /// What moving the order needs to know of it.
    var state: OrderState {
        OrderState(id: id, status: status, events: events.count, lines: lines.map { ($0.skuID, $0.quantity) }, allowance: allowance)
    }
}

/// An order as a move needs it: where it stands, how many events it has, the stock its lines
/// reserve, and the allowance it counts.
struct OrderState: Sendable {
    typealias Allowance = (fingerprint: String, year: Int, fen: Int64)

    let id: String
    let status: OrderStatus
    let events: Int
    let lines: [(skuID: String, quantity: Int64)]
    let allowance: Allowance?
}

/// Reads orders and moves them through their states; cancelling an unpaid order, or its
/// payment window running out, gives its stock back.
public struct OrderService: Sendable {
    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    public func orders(of consumer: Consumer) async throws -> [OrderView] {
        try await views(of: store.read(SQL("SELECT * FROM orders WHERE consumer_id = ? ORDER BY created_at DESC, id", bind: consumer.id)))
    }

    /// A merchant's orders, newest first, those in `status` when given: what it has to ship.
    public func orders(ofMerchant merchantID: String, status: OrderStatus?, limit: Int = 200) async throws -> [OrderView] {
        try await views(of: store.read(SQL(
            "SELECT * FROM orders WHERE merchant_id = ?\(status == nil ? "" : " AND status = ?") ORDER BY created_at DESC, id LIMIT \(limit)",
            [merchantID.sqlValue] + (status.map { [$0.rawValue.sqlValue] } ?? []))))
    }

    public func order(_ id: String, of consumer: Consumer) async throws -> OrderView? {
        guard let view = try await order(id), view.consumerID == consumer.id else { return nil }
        return view
    }

    /// Any order, for ops and the platform's own rules; buyers go through `order(_:of:)`.
    public func order(_ id: String) async throws -> OrderView? {
        try await orders([id]).first
    }

    /// Any orders by id, in three queries however many; ids with no order are left out.
    func orders(_ ids: [String]) async throws -> [OrderView] {
        guard !ids.isEmpty else { return [] }
        return try await views(of: store.read(SQL("SELECT * FROM orders WHERE id IN (\(SQL.placeholders(ids.count)))", ids.map { $0.sqlValue })))
    }

    /// The orders of `rows` with their lines and events: three queries, however many orders.
    private func views(of rows: [Row]) async throws -> [OrderView] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.text("id") }
        let placeholders = SQL.placeholders(ids.count)
        let lines = try await store.read(SQL(
            "SELECT * FROM order_lines WHERE order_id IN (\(placeholders)) ORDER BY order_id, line_no", ids.map { $0.sqlValue }))
        let events = try await store.read(SQL(
            "SELECT * FROM order_events WHERE order_id IN (\(placeholders)) ORDER BY order_id, seq", ids.map { $0.sqlValue }))
        let linesByOrder = Dictionary(grouping: lines) { (try? $0.text("order_id")) ?? "" }
        let eventsByOrder = Dictionary(grouping: events) { (try? $0.text("order_id")) ?? "" }
        return try zip(rows, ids).map { row, id in
            try OrderRecords.view(row, lines: linesByOrder[id] ?? [], events: eventsByOrder[id] ?? [])
        }
    }

    /// Moves an order to `target` if its state allows, guarded by the state it was read in.
    public func transition(_ id: String, to target: OrderStatus, by actor: OrderActor, at now: Date, note: String = "") async throws {
        try await store.transact { reader in
            (try await OrderService(store: reader).transitioning(id, to: target, by: actor, at: now, note: note), ())
        }
    }

    /// The changes that move an order to `target` (see `moving`).
    /// `returned`: a refund for goods sent back within the return window.
    public func transitioning(_ id: String, to target: OrderStatus, by actor: OrderActor, at now: Date, note: String = "",
                              returned: Bool = false) async throws -> [Change] {
            guard let view = try await order(id) else { throw OrderNotFound(id: id) }
            return try OrderService.moving(view.state, through: [target], by: actor, at: now, note: note, returned: returned)
    }

    /// The one way an order moves, whoever moves it: through `targets` in turn, each as
    /// `OrderStatus.move` decides — its status guarded by the one before (an order moved
    /// meanwhile sinks the unit), its event, the stock its lines reserved used up or given
    /// back, its allowance given back when it ends unimported, and its buyer told of the moves
    /// that matter to them (`NoticeKind.reaching`).
    static func moving(_ order: OrderState, through targets: [OrderStatus], by actor: OrderActor, at now: Date, note: String,
                       returned: Bool = false) throws -> [Change] {
            var changes: [Change] = []
            var status = order.status
            for (offset, target) in targets.enumerated() {
                let move = try status.move(to: target, by: actor, at: now, note: note, returned: returned)
                changes += [OrderRecords.moving(order.id, from: status, to: target, at: now),
                            OrderRecords.event(orderID: order.id, seq: order.events + offset + 1, move.event)]
                switch move.stock {
                case .kept: break
                case .consumed: changes += order.lines.map { StockReservation.consume($0.skuID, quantity: $0.quantity) }
                case .released: changes += order.lines.map { StockReservation.release($0.skuID, quantity: $0.quantity) }
                }
                if move.givesBackAllowance, let allowance = order.allowance, allowance.fen > 0 {
                    changes.append(AllowanceRecords.giveBack(allowance.fen, fingerprint: allowance.fingerprint, year: allowance.year))
                    changes.append(.write(SQL("UPDATE orders SET allowance_back = 1 WHERE id = ?", bind: order.id)))
                }
                if let kind = NoticeKind.reaching(target) {
                    changes.append(NoticeRecords.queued(kind, orderID: order.id, detail: note, at: now))
                }
                status = target
            }
            return changes
    }

    /// Cancels every unpaid order whose payment window has closed; returns how many.
    @discardableResult
    public func expireUnpaid(at now: Date) async throws -> Int {
        let due = try await store.read(SQL(
            """
            SELECT id FROM orders WHERE status = 'created' AND pay_by <= ?
              AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.group_id = orders.group_id AND p.status <> 'failed')
            """, bind: now.millisecondsSince1970))
        var expired = 0
        for row in due {
            do {
                try await transition(try row.text("id"), to: .cancelled, by: .system, at: now, note: "not paid in time")
                expired += 1
            } catch is OrderError {
                continue  // paid or cancelled meanwhile
            } catch StoreError.conflict {
                continue  // a payment started meanwhile
            }
        }
        return expired
    }

    public struct OrderNotFound: Error, CustomStringConvertible {
        public let id: String
        public var description: String { "no order \(id)" }
    }
}

enum OrderRecords {
    /// The order's status moved, guarded by the one it was read in. An order whose payment is
    /// under way or made is not cancelled (it is refunded); delivery keeps its time, for the
    /// confirmation window.
    static func moving(_ id: String, from status: OrderStatus, to target: OrderStatus, at now: Date) -> Change {
        let unpaid = target == .cancelled
            ? " AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.group_id = orders.group_id AND p.status <> 'failed')" : ""
        return .guarded(SQL(
            "UPDATE orders SET status = ?, updated_at = ?\(target == .delivered ? ", delivered_at = ?" : "") WHERE id = ? AND status = ?\(unpaid) RETURNING id",
            [target.rawValue.sqlValue, now.millisecondsSince1970.sqlValue] + (target == .delivered ? [now.millisecondsSince1970.sqlValue] : [])
                + [id.sqlValue, status.rawValue.sqlValue]),
            conflict: target == .cancelled ? "order \(id) has a payment under way or made" : "order \(id) changed meanwhile")
    }

    static func event(orderID: String, seq: Int, _ event: OrderEvent) -> Change {
        .write(SQL(
            "INSERT INTO order_events (order_id, seq, from_status, to_status, actor, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
            bind: orderID, seq, event.from?.rawValue, event.to.rawValue, event.actor.description, event.at.millisecondsSince1970,
            event.note))
    }

    static func view(_ row: Row, lines: [Row], events: [Row]) throws -> OrderView {
        guard let status = OrderStatus(rawValue: try row.text("status")) else {
            throw StoreError.decoding(column: "status", expected: "an order status")
        }
        func cny(_ column: String, _ row: Row) throws -> Money { Money(minorUnits: try row.integer(column), currency: .CNY) }
        return OrderView(
            id: try row.text("id"), groupID: try row.text("group_id"), consumerID: try row.text("consumer_id"),
            merchantID: try row.text("merchant_id"), status: status, goods: try cny("goods_cny", row),
            freight: try cny("freight_cny", row), tax: try cny("tax_cny", row), total: try cny("total_cny", row),
            rate: try row.text("rate"),
            // The street and the recipient's name are sealed: views show the district and the masked name.
            deliverTo: [try row.text("province"), try row.text("city"), try row.text("district")].joined()
                + " " + (try row.optionalText("recipient_masked") ?? "") + " " + (try row.text("mobile_masked")),
            createdAt: Date(millisecondsSince1970: try row.integer("created_at")),
            payBy: Date(millisecondsSince1970: try row.integer("pay_by")),
            lines: try lines.map { line in
                OrderView.Line(
                    skuID: try line.text("sku_id"), productID: try line.text("product_id"),
                    name: LocalizedText(en: try line.text("name_en"), zh: try line.text("name_zh")),
                    hsCode: try line.text("hs_code"), quantity: try line.integer("quantity"),
                    unitPrice: Money(minorUnits: try line.integer("unit_price_minor"), currency: try Currency(code: try line.text("currency"))),
                    goods: try cny("goods_cny", line), freight: try cny("freight_cny", line),
                    tax: Money(minorUnits: try line.integer("consumption_tax_cny") + line.integer("vat_cny") + line.integer("tariff_cny"),
                               currency: .CNY))
            },
            allowance: try row.optionalText("id_fingerprint").map { fingerprint in
                (fingerprint, Int(try row.integer("allowance_year")), try row.integer("allowance_fen"))
            },
            events: try events.map { event in
                let actor = try event.text("actor").split(separator: ":", maxSplits: 1).map(String.init)
                return OrderEvent(
                    from: try event.optionalText("from_status").flatMap(OrderStatus.init(rawValue:)),
                    to: OrderStatus(rawValue: try event.text("to_status")) ?? status,
                    actor: OrderActor(kind: actor.first ?? "", id: actor.count > 1 ? actor[1] : ""),
                    at: Date(millisecondsSince1970: try event.integer("at")), note: try event.text("note"))
            })
    }
}
