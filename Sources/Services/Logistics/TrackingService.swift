import Commerce
import Foundation
import Storage

/// A shipment as the merchant and the buyer see it.
public struct ShipmentView: Sendable, Equatable {
    public let id: String
    public let trackingNumber: String
    public let orderID: String
    public let merchantID: String
    public let draft: ShipmentDraft
    public let stage: TrackingStage
    public let createdAt: Date
}

public enum TrackingError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownTrackingNumber(String)
    case notShippable(orderID: String, status: OrderStatus)
    case malformed(String)

    public var description: String {
        switch self {
        case .unknownTrackingNumber(let number): return "there is no parcel with tracking number \(number)"
        case .notShippable(let id, let status): return "order \(id) is \(status.rawValue): only a paid order is shipped"
        case .malformed(let problem): return "the tracking event is not valid: \(problem)"
        }
    }
}

/// Shipments and their tracking: a merchant creates a shipment (and prints its label) for its
/// own paid order; partners report events by signed webhooks; each event is kept once by its
/// id, the timeline is sorted by event time, and an event moves the order only forward.
public struct TrackingService: Sendable {
    let store: any Store
    /// The secret partners (hub, airline, carrier, customs broker) sign their webhooks with.
    public var webhookSecret: String

    public init(store: any Store, webhookSecret: String) {
        self.store = store
        self.webhookSecret = webhookSecret
    }

    public func createShipment(for orderID: String, merchantID: String, draft: ShipmentDraft, at now: Date) async throws -> ShipmentView {
        let valid = try draft.validated()
        let rows = try await store.read(SQL(
            "SELECT o.status, m.country FROM orders o JOIN merchants m ON m.id = o.merchant_id WHERE o.id = ? AND o.merchant_id = ?",
            bind: orderID, merchantID))
        guard let row = rows.first else { throw OrderService.OrderNotFound(id: orderID) }
        let status = OrderStatus(rawValue: try row.text("status")) ?? .cancelled
        guard [.paid, .declared].contains(status) else { throw TrackingError.notShippable(orderID: orderID, status: status) }
        let contents = String(decoding: try JSONEncoder().encode(valid), as: UTF8.self)
        for _ in 0..<5 {
            let number = TrackingNumber.make(serial: Int.random(in: 0..<100_000_000), country: try row.text("country"))
            let id = "sh-" + UUID().uuidString.lowercased()
            let event = TrackingEvent(id: "\(id):labelled", trackingNumber: number, stage: .labelled, source: .merchant, at: now,
                                      location: try row.text("country"), note: "label printed by the merchant")
            do {
                try await store.apply([
                    .guarded(SQL(
                        """
                        INSERT INTO shipments (id, tracking_number, order_id, merchant_id, weight_grams, length_mm, width_mm, height_mm,
                            contents, stage, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tracking_number) DO NOTHING RETURNING id
                        """,
                        bind: id, number, orderID, merchantID, valid.weightGrams, valid.lengthMM, valid.widthMM, valid.heightMM, contents,
                        TrackingStage.labelled.rawValue, now.millisecondsSince1970), conflict: "tracking number taken"),
                    TrackingService.recording(event, shipmentID: id, orderID: orderID, at: now),
                ])
                return ShipmentView(id: id, trackingNumber: number, orderID: orderID, merchantID: merchantID, draft: valid, stage: .labelled,
                                    createdAt: Date(millisecondsSince1970: now.millisecondsSince1970))
            } catch StoreError.conflict {
                continue  // the random serial was taken: draw again
            }
        }
        throw StoreError.conflict("no free tracking number after five draws")
    }

    /// The event a partner's signed webhook reports: `{eventId, trackingNumber, stage, source, at, location, note}`.
    struct Report: Decodable {
        let eventId: String
        let trackingNumber: String
        let stage: String
        let source: String
        let at: String
        let location: String?
        let note: String?
    }

    /// Verifies and applies a partner's webhook. Returns whether the event was new.
    @discardableResult
    public func receiveWebhook(timestamp: String, signature: String, body: String, at now: Date) async throws -> Bool {
        try CallbackSignature.check(timestamp: timestamp, body: body, signature: signature, secret: webhookSecret, at: now)
        let report: Report
        do { report = try JSONDecoder().decode(Report.self, from: Data(body.utf8)) } catch { throw TrackingError.malformed("\(error)") }
        guard let stage = TrackingStage(rawValue: report.stage) else { throw TrackingError.malformed("unknown stage \(report.stage)") }
        guard let source = TrackingSource(rawValue: report.source) else { throw TrackingError.malformed("unknown source \(report.source)") }
        guard let at = try? Date(report.at, strategy: .iso8601) else { throw TrackingError.malformed("at must be an ISO 8601 time") }
        guard !report.eventId.isEmpty, report.eventId.count <= 200 else { throw TrackingError.malformed("eventId must be 1 to 200 characters") }
        return try await apply(TrackingEvent(id: report.eventId, trackingNumber: report.trackingNumber, stage: stage, source: source, at: at,
                                             location: report.location ?? "", note: report.note ?? ""), at: now)
    }

    /// Keeps `event` once, moves the shipment's stage only forward, and moves the order as the
    /// stage says (`Tracking.orderMoves`), all in one transaction.
    public func apply(_ event: TrackingEvent, at now: Date) async throws -> Bool {
        try await store.transact { reader in try await TrackingService(store: reader, webhookSecret: webhookSecret).applying(event, at: now) }
    }

    /// The changes that record `event` (nothing when its id was seen) and move the parcel and
    /// its order forward; whether the event is new.
    func applying(_ event: TrackingEvent, at now: Date) async throws -> (changes: [Change], result: Bool) {
        guard let shipment = try await store.read(SQL("SELECT * FROM shipments WHERE tracking_number = ?", bind: event.trackingNumber)).first
        else { throw TrackingError.unknownTrackingNumber(event.trackingNumber) }
        let seen = try await store.read(SQL("SELECT event_id FROM tracking_events WHERE event_id = ?", bind: event.id))
        guard seen.isEmpty else { return ([], false) }
        let shipmentID = try shipment.text("id")
        let orderID = try shipment.text("order_id")
        var changes = [TrackingService.recording(event, shipmentID: shipmentID, orderID: orderID, at: now)]
        let stage = TrackingStage(rawValue: try shipment.text("stage")) ?? .labelled
        guard event.stage.rank > stage.rank else { return (changes, true) }  // late: on the timeline, the parcel stays
        changes.append(.guarded(SQL("UPDATE shipments SET stage = ? WHERE id = ? AND stage = ? RETURNING id",
                                    bind: event.stage.rawValue, shipmentID, stage.rawValue), conflict: "shipment \(shipmentID) moved meanwhile"))
        guard let order = try await OrderService(store: store).order(orderID) else { return (changes, true) }
        changes += try OrderService.moving(order.state, through: Tracking.orderMoves(for: event.stage, from: order.status),
                                           by: OrderActor(kind: event.source.rawValue, id: event.trackingNumber), at: now,
                                           note: "\(event.stage.rawValue) \(event.location)")
        return (changes, true)
    }

    static func recording(_ event: TrackingEvent, shipmentID: String, orderID: String, at now: Date) -> Change {
        .write(SQL(
            """
            INSERT INTO tracking_events (event_id, shipment_id, order_id, stage, source, at, location, note, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING
            """,
            bind: event.id, shipmentID, orderID, event.stage.rawValue, event.source.rawValue, event.at.millisecondsSince1970, event.location,
            event.note, now.millisecondsSince1970))
    }

    // MARK: reading

    public func timeline(of orderID: String) async throws -> [TrackingEvent] {
        let rows = try await store.read(SQL(
            "SELECT e.*, s.tracking_number FROM tracking_events e JOIN shipments s ON s.id = e.shipment_id WHERE e.order_id = ?", bind: orderID))
        return Tracking.timeline(try rows.map { row in
            TrackingEvent(id: try row.text("event_id"), trackingNumber: try row.text("tracking_number"),
                          stage: TrackingStage(rawValue: try row.text("stage")) ?? .labelled,
                          source: TrackingSource(rawValue: try row.text("source")) ?? .merchant,
                          at: Date(millisecondsSince1970: try row.integer("at")), location: try row.text("location"), note: try row.text("note"))
        })
    }

    public func shipments(of orderID: String) async throws -> [ShipmentView] {
        try await store.read(SQL("SELECT * FROM shipments WHERE order_id = ? ORDER BY created_at, id", bind: orderID)).map(TrackingService.view)
    }

    /// The shipments of several orders in one query, by order.
    public func shipments(ofOrders orderIDs: [String]) async throws -> [String: [ShipmentView]] {
        guard !orderIDs.isEmpty else { return [:] }
        let shipments = try await store.read(SQL(
            "SELECT * FROM shipments WHERE order_id IN (\(SQL.placeholders(orderIDs.count))) ORDER BY created_at, id", orderIDs.map { $0.sqlValue }))
            .map(TrackingService.view)
        return Dictionary(grouping: shipments, by: \.orderID)
    }

    /// A merchant's shipments, newest first.
    public func shipments(ofMerchant merchantID: String, limit: Int = 200) async throws -> [ShipmentView] {
        try await store.read(SQL("SELECT * FROM shipments WHERE merchant_id = ? ORDER BY created_at DESC, id LIMIT ?", bind: merchantID, limit))
            .map(TrackingService.view)
    }

    public func shipment(_ id: String, merchantID: String) async throws -> ShipmentView? {
        try await store.read(SQL("SELECT * FROM shipments WHERE id = ? AND merchant_id = ?", bind: id, merchantID)).first.map(TrackingService.view)
    }

    static func view(_ row: Row) throws -> ShipmentView {
        ShipmentView(id: try row.text("id"), trackingNumber: try row.text("tracking_number"), orderID: try row.text("order_id"),
                     merchantID: try row.text("merchant_id"),
                     draft: try JSONDecoder().decode(ShipmentDraft.self, from: Data(try row.text("contents").utf8)),
                     stage: TrackingStage(rawValue: try row.text("stage")) ?? .labelled,
                     createdAt: Date(millisecondsSince1970: try row.integer("created_at")))
    }
}
