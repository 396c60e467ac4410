import Commerce
import Foundation
import Storage

/// From arrival to the door: an arrived parcel is presented to customs and gets its own
/// order's clearance result; a released parcel is handed to the local carrier (tried again
/// while the carrier refuses); the carrier's signed reports go through the same webhook
/// path as any partner's; a parcel the carrier returns is refunded to the buyer in full.
/// Parcels that have not moved for a while are listed for ops.
public struct LastMileService: Sendable {
    let store: any Store
    let tracking: TrackingService
    let carrier: any CarrierGateway
    let refunds: RefundService

    public init(store: any Store, tracking: TrackingService, carrier: any CarrierGateway, refunds: RefundService) {
        self.store = store
        self.tracking = tracking
        self.carrier = carrier
        self.refunds = refunds
    }

    /// Each arrived parcel gets what customs decided for its order: released, or held for
    /// inspection (or rejected) with the reason. Parcels whose declaration is still open wait.
    @discardableResult
    public func presentArrived(at now: Date) async throws -> Int {
        let rows = try await store.read(SQL(
            """
            SELECT s.tracking_number, d.status, d.reason FROM shipments s JOIN declarations d ON d.order_id = s.order_id
            WHERE s.stage = 'arrived' AND d.status IN ('released', 'inspection', 'rejected')
            """))
        return try await WorkFailures(store: store).round(Self.presenting, rows, named: { try $0.text("tracking_number") }, at: now) { row in
            let number = try row.text("tracking_number")
            let status = try row.text("status")
            let stage: TrackingStage = status == "released" ? .customsReleased : .customsInspection
            let note = status == "released" ? "released" : "held by customs (\(status)): \(try row.text("reason"))"
            return try await tracking.apply(TrackingEvent(id: "customs:\(number):\(status)", trackingNumber: number, stage: stage,
                                                          source: .customs, at: now, location: "customs", note: note), at: now)
        }
    }

    /// Hands every released parcel not yet with the carrier to it; returns how many went.
    @discardableResult
    public func handOffDue(at now: Date) async throws -> Int {
        let rows = try await store.read(SQL(
            """
            SELECT s.tracking_number, o.city FROM shipments s JOIN orders o ON o.id = s.order_id
            WHERE s.stage = 'customs_released' AND s.carrier_reference IS NULL
            """))
        // A carrier that refuses for now is tried again next round; ops see it if it goes on.
        return try await WorkFailures(store: store).round(Self.handingOff, rows, named: { try $0.text("tracking_number") }, at: now) { row in
            let number = try row.text("tracking_number")
            let reference = try await carrier.handOff(trackingNumber: number, city: try row.text("city"), at: now)
            try await store.apply([.write(SQL("UPDATE shipments SET carrier_reference = ? WHERE tracking_number = ? AND carrier_reference IS NULL",
                                              bind: reference, number))])
            return true
        }
    }

    /// Takes the carrier's reports through the signed webhook path.
    @discardableResult
    public func collectReports(at now: Date) async throws -> Int {
        try await carrier.deliverReports(at: now) { timestamp, body, signature in
            try await tracking.receiveWebhook(timestamp: timestamp, signature: signature, body: body, at: now)
        }
    }

    /// A parcel that could not be delivered goes back to the merchant, and the buyer gets back
    /// all they paid for its order, tax included (customs refunds the tax of goods returned).
    /// Returns how many orders were refunded.
    @discardableResult
    public func refundReturned(at now: Date) async throws -> Int {
        let rows = try await store.read(SQL(
            """
            SELECT DISTINCT s.order_id FROM shipments s JOIN orders o ON o.id = s.order_id
            WHERE s.stage = 'returned' AND o.status IN ('paid', 'declared', 'cleared', 'shipped')
            """))
        return try await WorkFailures(store: store).round(Self.refunding, rows, named: { try $0.text("order_id") }, at: now) { row in
            let orderID = try row.text("order_id")
            // The goods went back undelivered: a return, so a released parcel's allowance comes back too.
            return try await refunds.refundRest(of: orderID, reason: "the parcel could not be delivered and went back to the merchant",
                                                requestedBy: "carrier:return", refundID: "r-return-\(orderID)", returned: true, at: now) != nil
        }
    }

    /// What failures of each step are recorded under (`WorkFailures`), by parcel or order.
    static let presenting = "customs-presentation"
    static let handingOff = "carrier-handoff"
    static let refunding = "return-refund"

    /// One round of the last mile.
    public func run(at now: Date) async throws {
        try await presentArrived(at: now)
        try await handOffDue(at: now)
        try await collectReports(at: now)
        try await refundReturned(at: now)
    }

    /// Parcels on their way whose last event is older than `hours`, oldest first.
    public func stuck(olderThan hours: Int, at now: Date) async throws -> [(shipment: ShipmentView, since: Date)] {
        let cutoff = (now - TimeInterval(hours) * 3600).millisecondsSince1970
        return try await store.read(SQL(
            """
            SELECT s.*, (SELECT MAX(e.at) FROM tracking_events e WHERE e.shipment_id = s.id) AS last_at FROM shipments s
            WHERE s.stage NOT IN ('delivered', 'returned')
              AND (SELECT MAX(e.at) FROM tracking_events e WHERE e.shipment_id = s.id) <= ?
            ORDER BY last_at LIMIT 500
            """, bind: cutoff)).map { row in
                (try TrackingService.view(row), Date(millisecondsSince1970: try row.integer("last_at")))
            }
    }
}
