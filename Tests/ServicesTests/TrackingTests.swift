import Commerce
import Foundation
@testable import Services
import Storage
import TestSupport
import Testing

@Suite("Shipments and tracking")
struct TrackingTests {
    static let secret = "hub-secret"
    static let draft = ShipmentDraft(weightGrams: 900, lengthMM: 300, widthMM: 200, heightMM: 100,
                                     contents: [ShipmentDraft.Content(hsCode: "200819", description: "nuts", quantity: 1, value: "80.00")])

    func webhook(_ tracking: TrackingService, _ number: String, _ id: String, _ stage: TrackingStage, minutes: Double, from start: Date,
                 at now: Date) async throws -> Bool {
        let at = (start + minutes * 60).ISO8601Format()
        let body = #"{"eventId":"\#(id)","trackingNumber":"\#(number)","stage":"\#(stage.rawValue)","source":"hub","at":"\#(at)","location":"LAX"}"#
        let timestamp = String(Int64(now.timeIntervalSince1970))
        return try await tracking.receiveWebhook(timestamp: timestamp, signature: CallbackSignature.sign(timestamp: timestamp, body: body, secret: Self.secret),
                                                 body: body, at: now)
    }

    @Test("a merchant ships its own paid order; signed events, duplicated and out of order, make one timeline that only moves forward",
          arguments: StoreKind.allCases)
    func timeline(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await PaymentTests.Fixture(store)
            let tracking = TrackingService(store: store, webhookSecret: Self.secret)
            let orderID = shop.orderIDs[0]
            await #expect(throws: TrackingError.notShippable(orderID: orderID, status: .created)) {
                try await tracking.createShipment(for: orderID, merchantID: "m-pacific-pantry", draft: Self.draft, at: Date())
            }
            _ = try await shop.pay()
            await #expect(throws: OrderService.OrderNotFound.self, "another merchant's order") {
                try await tracking.createShipment(for: orderID, merchantID: "m-seoul-dew", draft: Self.draft, at: Date())
            }
            let shipment = try await tracking.createShipment(for: orderID, merchantID: "m-pacific-pantry", draft: Self.draft, at: Date())
            #expect(TrackingNumber.isValid(shipment.trackingNumber) && shipment.trackingNumber.hasSuffix("US"))
            try await OrderService(store: store).transition(orderID, to: .declared, by: .system, at: Date())
            let start = Date() - 3600
            let now = Date()
            #expect(try await webhook(tracking, shipment.trackingNumber, "e2", .departed, minutes: 20, from: start, at: now))
            #expect(try await webhook(tracking, shipment.trackingNumber, "e2", .departed, minutes: 20, from: start, at: now) == false, "a duplicate")
            #expect(try await webhook(tracking, shipment.trackingNumber, "e1", .hubReceived, minutes: 5, from: start, at: now), "late, but kept")
            #expect(try await shop.statuses() == [.shipped])
            #expect(try await OrderBooksCheck(store: store).run().isEmpty, "the flight used up the stock the order reserved")
            #expect(try await tracking.shipments(of: orderID).first?.stage == .departed, "the late event did not move the parcel back")
            let estimates = DeliveryEstimateService(store: store, tracking: tracking)
            let departed = try #require(try await estimates.forOrder(orderID, at: now))
            #expect(departed.basis == .departed)
            let beforeShipping = try #require(DeliveryEstimate.make(route: DeliveryRoute(origin: "US", province: "上海市", lane: .fast),
                                                                    placedAt: start, progress: [], now: start))
            #expect(departed.latest < beforeShipping.latest, "recomputed from the departure, not from the order")
            #expect(try await webhook(tracking, shipment.trackingNumber, "e3", .delivered, minutes: 50, from: start, at: now))
            #expect(try await estimates.forOrder(orderID, at: now) == nil, "delivered: nothing left to estimate")
            #expect(try await shop.statuses() == [.delivered])
            let timeline = try await tracking.timeline(of: orderID)
            #expect(Set(timeline.map(\.stage)) == [.labelled, .hubReceived, .departed, .delivered])
            #expect(timeline.map(\.at) == timeline.map(\.at).sorted())
            await #expect(throws: TrackingError.unknownTrackingNumber("CB000000000XX")) {
                try await webhook(tracking, "CB000000000XX", "e9", .arrived, minutes: 1, from: start, at: now)
            }
            await #expect(throws: CallbackError.badSignature) {
                try await tracking.receiveWebhook(timestamp: "1", signature: "00", body: "{}", at: now)
            }
        }
    }
}
