import Commerce
import Foundation
import Storage

/// Delivery estimates for a quote (one per parcel, before anything moved) and for an order
/// (worked out again from its parcels' events each time it is asked for).
public struct DeliveryEstimateService: Sendable {
    let store: any Store
    let tracking: TrackingService
    public var times = TransitTimes.standard

    public init(store: any Store, tracking: TrackingService) {
        self.store = store
        self.tracking = tracking
    }

    /// Each parcel of the quote, by merchant id: from the merchant's country to the address's
    /// province, in the buyer's lane.
    public func forQuote(_ quote: Quote, at now: Date) async throws -> [String: DeliveryEstimate] {
        let merchantIDs = quote.parcels.map(\.merchantID)
        guard !merchantIDs.isEmpty else { return [:] }
        let countries = Dictionary(try await store.read(SQL(
            "SELECT id, country FROM merchants WHERE id IN (\(SQL.placeholders(merchantIDs.count)))", merchantIDs.map { $0.sqlValue }))
            .map { (try $0.text("id"), try $0.text("country")) }, uniquingKeysWith: { first, _ in first })
        let province = try await store.read(SQL("SELECT province FROM addresses WHERE id = ?", bind: quote.addressID)).first?.text("province") ?? ""
        let lane = try await lane(of: quote.consumerID)
        var estimates: [String: DeliveryEstimate] = [:]
        for merchantID in merchantIDs {
            let route = DeliveryRoute(origin: countries[merchantID] ?? "", province: province, lane: lane)
            estimates[merchantID] = DeliveryEstimate.make(route: route, placedAt: now, progress: [], now: now, times: times)
        }
        return estimates
    }

    /// The order arrives with its last parcel: the window runs from the latest of the parcels'
    /// quick ends to the latest of their slow ends. Nil once every parcel is delivered or
    /// returned, or for an order not going anywhere (cancelled, refunded).
    public func forOrder(_ orderID: String, at now: Date) async throws -> DeliveryEstimate? {
        let rows = try await store.read(SQL(
            """
            SELECT o.consumer_id, o.province, o.created_at, o.status, m.country
            FROM orders o JOIN merchants m ON m.id = o.merchant_id WHERE o.id = ?
            """, bind: orderID))
        guard let row = rows.first else { return nil }
        let status = OrderStatus(rawValue: try row.text("status")) ?? .cancelled
        guard ![.cancelled, .refunded, .delivered, .completed].contains(status) else { return nil }
        let route = DeliveryRoute(origin: try row.text("country"), province: try row.text("province"),
                                  lane: try await lane(of: try row.text("consumer_id")))
        let placedAt = Date(millisecondsSince1970: try row.integer("created_at"))
        let events = try await tracking.timeline(of: orderID)
        let parcels = Dictionary(grouping: events, by: \.trackingNumber).values.map(Array.init)
        let estimates = (parcels.isEmpty ? [[]] : parcels).compactMap {
            DeliveryEstimate.make(route: route, placedAt: placedAt, progress: $0, now: now, times: times)
        }
        guard let last = estimates.max(by: { $0.latest < $1.latest }), let quickest = estimates.map(\.earliest).max() else { return nil }
        return DeliveryEstimate(earliest: quickest, latest: last.latest, basis: last.basis)
    }

    private func lane(of consumerID: String) async throws -> CustomsLane {
        let rows = try await store.read(SQL("SELECT status FROM buyer_identities WHERE consumer_id = ?", bind: consumerID))
        return try rows.first?.text("status") == BuyerIdentity.Status.verified.rawValue ? .fast : .normal
    }
}
