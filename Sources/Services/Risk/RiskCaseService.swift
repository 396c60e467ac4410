import Commerce
import Foundation
import Money
import Storage

/// Ops' cases: a cluster the rules flagged, what it is made of, and what ops did about it —
/// clear it (its held orders go on to customs), block an identity, device, payer or address,
/// release or cancel a held order (a paid one is refunded in full). Every action is a line of
/// the case's timeline. Identities and phones appear only masked.
public struct RiskCaseService: Sendable {
    let store: any Store
    let engine: RiskEngine
    let orders: OrderService
    let refunds: RefundService

    public init(store: any Store, engine: RiskEngine, refunds: RefundService) {
        self.store = store
        self.engine = engine
        self.orders = OrderService(store: store)
        self.refunds = refunds
    }

    public struct Summary: Sendable, Equatable {
        public let id: String
        public let status: String
        public let reason: String
        public let openedAt: Date
        public let updatedAt: Date
        public let heldOrders: Int
    }

    /// Cases, newest activity first; `status` nil for all.
    public func cases(status: String?, limit: Int, offset: Int) async throws -> [Summary] {
        let filter = status == nil ? "" : "WHERE c.status = ?"
        let rows = try await store.read(SQL(
            """
            SELECT c.*, (SELECT COUNT(*) FROM risk_holds h WHERE h.case_id = c.id AND h.released_at IS NULL) AS held
            FROM risk_cases c \(filter) ORDER BY c.updated_at DESC, c.id LIMIT ? OFFSET ?
            """, (status.map { [$0.sqlValue] } ?? []) + [.integer(Int64(limit)), .integer(Int64(offset))]))
        return try rows.map(summary)
    }

    private func summary(_ row: Row) throws -> Summary {
        Summary(id: try row.text("id"), status: try row.text("status"), reason: try row.text("reason"),
                openedAt: Date(millisecondsSince1970: try row.integer("opened_at")), updatedAt: Date(millisecondsSince1970: try row.integer("updated_at")),
                heldOrders: Int(try row.integer("held")))
    }

    /// One case whole.
    public struct Detail: Sendable {
        public struct Identity: Sendable { public let key: String; public let name: String; public let number: String; public let blocked: Bool }
        public struct Attribute: Sendable { public let kind: String; public let key: String; public let label: String; public let blocked: Bool }
        public struct Order: Sendable {
            public let id: String; public let at: Date; public let identity: String; public let attributes: [String]
            public let merchantID: String; public let value: Money; public let status: String; public let held: Bool
        }
        public struct Event: Sendable { public let at: Date; public let actor: String; public let action: String; public let note: String }

        public let summary: Summary
        public let identities: [Identity]
        public let attributes: [Attribute]
        public let orders: [Order]
        public let merchants: [(id: String, value: Money)]
        public let events: [Event]
    }

    public func detail(_ id: String) async throws -> Detail? {
        guard let row = try await store.read(SQL(
            "SELECT c.*, (SELECT COUNT(*) FROM risk_holds h WHERE h.case_id = c.id AND h.released_at IS NULL) AS held FROM risk_cases c WHERE c.id = ?",
            bind: id)).first else { return nil }
        let summary = try summary(row)
        let state = try await engine.state(from: store)
        let opener = try row.text("identity")
        let members = state.cluster(of: opener)
        let identityKeys = members[.identity] ?? [opener]
        let observed = try await RiskRecords.observations(ofIdentities: identityKeys, in: store)
        let orderIDs = observed.map(\.orderID)
        var orderRows: [String: Row] = [:]
        for chunk in stride(from: 0, to: orderIDs.count, by: 500).map({ Array(orderIDs[$0..<min($0 + 500, orderIDs.count)]) }) where !chunk.isEmpty {
            for order in try await store.read(SQL(
                """
                SELECT o.id, o.status, o.province, o.city, o.district, o.recipient_masked, o.mobile_masked,
                    (SELECT COUNT(*) FROM risk_holds h WHERE h.order_id = o.id AND h.released_at IS NULL) AS held
                FROM orders o WHERE o.id IN (\(SQL.placeholders(chunk.count)))
                """, chunk.map { $0.sqlValue })) {
                orderRows[try order.text("id")] = order
            }
        }
        let blocked = Set(try await store.read(SQL("SELECT kind, key FROM risk_blocks")).map { "\(try $0.text("kind")):\(try $0.text("key"))" })
        var people: [String: (name: String, number: String)] = [:]
        for identity in try await store.read(SQL(
            "SELECT id_fingerprint, name_masked, id_masked FROM buyer_identities WHERE id_fingerprint IN (\(SQL.placeholders(identityKeys.count)))",
            identityKeys.map { $0.sqlValue })) {
            people[try identity.text("id_fingerprint")] = (try identity.text("name_masked"), try identity.text("id_masked"))
        }
        var labels: [String: String] = [:]
        for order in observed {
            guard let placed = orderRows[order.orderID] else { continue }
            let place = "\(try placed.text("province")) \(try placed.text("city")) \(try placed.text("district"))"
            let recipient = try placed.optionalText("recipient_masked") ?? ""
            let mobile = try placed.optionalText("mobile_masked") ?? ""
            if labels["address:" + order.address] == nil { labels["address:" + order.address] = "\(place) · \(recipient) · \(mobile)" }
            if labels["phone:" + order.phone] == nil { labels["phone:" + order.phone] = mobile }
        }
        let attributes = [(RiskState.Kind.address, "address"), (.phone, "phone"), (.device, "device"), (.payer, "payer")].flatMap { kind, name in
            (members[kind] ?? []).map { key in
                Detail.Attribute(kind: name, key: key, label: labels["\(name):\(key)"] ?? String(key.prefix(10)), blocked: blocked.contains("\(name):\(key)"))
            }
        }
        let shownOrders = try observed.reversed().map { order in
            Detail.Order(id: order.orderID, at: Date(millisecondsSince1970: order.at), identity: order.identity,
                         attributes: ["address:" + order.address, "phone:" + order.phone, "payer:" + order.payer] + (order.device.map { ["device:" + $0] } ?? []),
                         merchantID: order.merchantID, value: Money(minorUnits: order.value, currency: .CNY),
                         status: try orderRows[order.orderID]?.text("status") ?? "unknown", held: try (orderRows[order.orderID]?.integer("held") ?? 0) > 0)
        }
        let merchants = Dictionary(grouping: observed, by: \.merchantID).map { ($0.key, Money(minorUnits: $0.value.reduce(0) { $0 + $1.value }, currency: .CNY)) }
            .sorted { $0.1.minorUnits > $1.1.minorUnits }
        let events = try await store.read(SQL("SELECT * FROM risk_case_events WHERE case_id = ? ORDER BY seq", bind: id)).map {
            Detail.Event(at: Date(millisecondsSince1970: try $0.integer("at")), actor: try $0.text("actor"), action: try $0.text("action"), note: try $0.text("note"))
        }
        return Detail(summary: summary,
                      identities: identityKeys.map { key in
                          Detail.Identity(key: key, name: people[key]?.name ?? "—", number: people[key]?.number ?? "—", blocked: blocked.contains("identity:\(key)"))
                      },
                      attributes: attributes, orders: shownOrders, merchants: merchants, events: events)
    }

    /// The open risk hold on an order: its case and why.
    public func hold(of orderID: String) async throws -> (caseID: String, reason: String)? {
        try await RiskRecords.openHolds(of: [orderID], in: store)[orderID]
    }

    /// What ops may do on a case.
    public enum Action: Sendable, Equatable {
        case clear
        case block(kind: String, key: String)
        case release(orderID: String)
        case cancel(orderID: String)
    }

    public struct Refused: Error, Sendable, Equatable { public let message: String }

    /// Does `action` on case `id` and records it; `actor`: who, as the console knows them.
    public func act(_ action: Action, on id: String, by actor: String, note: String, at now: Date) async throws {
        guard let detail = try await detail(id) else { throw Refused(message: "there is no case \(id)") }
        let stamp = now.millisecondsSince1970
        let note = String(note.prefix(500))
        var changes: [Change] = []
        switch action {
        case .clear:
            changes.append(.write(SQL("UPDATE risk_holds SET released_at = ?, released_by = ? WHERE case_id = ? AND released_at IS NULL",
                                      bind: stamp, actor, id)))
            changes.append(.write(SQL("UPDATE risk_cases SET status = 'cleared', updated_at = ? WHERE id = ?", bind: stamp, id)))
            changes.append(RiskRecords.event(id, actor: actor, action: "cleared", note: note, at: stamp))
        case .block(let kind, let key):
            let known = kind == "identity" ? detail.identities.contains { $0.key == key } : detail.attributes.contains { $0.kind == kind && $0.key == key }
            guard known else { throw Refused(message: "the case has no \(kind) \(key.prefix(10))") }
            changes.append(.write(SQL(
                "INSERT INTO risk_blocks (kind, key, case_id, blocked_at, blocked_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, key) DO NOTHING",
                bind: kind, key, id, stamp, actor)))
            changes.append(.write(SQL("UPDATE risk_cases SET status = 'actioned', updated_at = ? WHERE id = ?", bind: stamp, id)))
            changes.append(RiskRecords.event(id, actor: actor, action: "blocked \(kind)", note: "\(key.prefix(10))… \(note)", at: stamp))
        case .release(let orderID), .cancel(let orderID):
            guard detail.orders.contains(where: { $0.id == orderID && $0.held }) else { throw Refused(message: "order \(orderID) is not held in this case") }
            if case .cancel = action {
                if detail.orders.first(where: { $0.id == orderID })?.status == OrderStatus.created.rawValue {
                    try await orders.transition(orderID, to: .cancelled, by: OrderActor(kind: "ops", id: actor), at: now, note: "risk case \(id)")
                } else {
                    try await refunds.refundRest(of: orderID, reason: "risk case \(id)", requestedBy: "ops:\(actor)", refundID: "risk-\(orderID)", at: now)
                }
            }
            changes.append(.write(SQL("UPDATE risk_holds SET released_at = ?, released_by = ? WHERE order_id = ? AND released_at IS NULL",
                                      bind: stamp, actor, orderID)))
            changes.append(.write(SQL("UPDATE risk_cases SET updated_at = ? WHERE id = ?", bind: stamp, id)))
            let verb = if case .cancel = action { "cancelled and refunded" } else { "released" }
            changes.append(RiskRecords.event(id, actor: actor, action: verb, note: "\(orderID) \(note)", at: stamp))
        }
        try await store.apply(changes)
        try await engine.refresh(from: store)
    }

    /// The case for customs: what it is made of and what was done, masked, as JSON.
    public func export(_ id: String) async throws -> Data? {
        guard let detail = try await detail(id) else { return nil }
        struct Document: Encodable {
            struct Person: Encodable { let name: String; let idNumber: String; let blocked: Bool }
            struct Link: Encodable { let kind: String; let label: String; let blocked: Bool }
            struct Order: Encodable { let id: String; let at: Date; let merchantId: String; let valueCNY: String; let status: String; let held: Bool }
            struct Event: Encodable { let at: Date; let actor: String; let action: String; let note: String }
            let caseId: String; let status: String; let reason: String; let openedAt: Date
            let identities: [Person]; let links: [Link]; let orders: [Order]; let events: [Event]
        }
        let document = Document(
            caseId: detail.summary.id, status: detail.summary.status, reason: detail.summary.reason, openedAt: detail.summary.openedAt,
            identities: detail.identities.map { .init(name: $0.name, idNumber: $0.number, blocked: $0.blocked) },
            links: detail.attributes.map { .init(kind: $0.kind, label: $0.label, blocked: $0.blocked) },
            orders: detail.orders.map { .init(id: $0.id, at: $0.at, merchantId: $0.merchantID, valueCNY: $0.value.decimalText, status: $0.status, held: $0.held) },
            events: detail.events.map { .init(at: $0.at, actor: $0.actor, action: $0.action, note: $0.note) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(document)
    }

    /// Each merchant's share of its 30 days' sales from its three largest clusters (`RiskState.merchantConcentration`).
    public func merchantConcentration() async throws -> [(merchantID: String, percent: Int64)] {
        try await engine.state(from: store).merchantConcentration().map { ($0.key, $0.value) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    }
}
