import Commerce
import Foundation
import Money
@testable import Services
import Storage
import TestSupport
import Testing

@Suite("From arrival to the door")
struct LastMileTests {
    @Test("an arrived parcel gets its own clearance, goes to the carrier (again if refused) and ends delivered, or returned after three attempts",
          arguments: StoreKind.allCases)
    func journey(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await PaymentTests.Fixture(store)
            _ = try await shop.pay()
            let declarations = DeclarationTests().service(store, shop)
            try await declarations.declareDue(at: Date())
            let orderID = shop.orderIDs[0]
            let tracking = TrackingService(store: store, webhookSecret: "carrier-secret")
            let number = try await tracking.createShipment(for: orderID, merchantID: "m-pacific-pantry", draft: TrackingTests.draft, at: Date())
                .trackingNumber
            let hub = HubService(store: store, tracking: tracking)
            _ = try await hub.scanIn(number, measuredGrams: 900, hub: "LAX", at: Date())
            try await hub.bag("B1", trackingNumbers: [number], hub: "LAX", at: Date())
            try await hub.closeAirWaybill("176-12345675", flight: "CA988", bagIDs: ["B1"], hub: "LAX", at: Date())
            try await hub.report("176-12345675", stage: .departed, at: Date())
            try await hub.report("176-12345675", stage: .arrived, at: Date())
            let lastMile = LastMileService(store: store, tracking: tracking, carrier: SandboxCarrier(store: store, secret: "carrier-secret"),
                                           refunds: Self.refunds(store, shop))
            #expect(try await lastMile.presentArrived(at: Date()) == 0, "customs has not answered yet: the parcel waits")
            #expect(try await declarations.receive(CustomsResult(eventID: "c1", orderNo: orderID, result: .released, reason: ""), at: Date()))
            #expect(try await lastMile.presentArrived(at: Date()) == 1)
            #expect(try await lastMile.presentArrived(at: Date()) == 0, "presented once")
            var handed = try await lastMile.handOffDue(at: Date())
            if handed == 0 { handed = try await lastMile.handOffDue(at: Date()) }  // the sandbox depot refuses some parcels once
            #expect(handed == 1)
            #expect(try await lastMile.stuck(olderThan: 1, at: Date()).isEmpty)
            #expect(try await lastMile.stuck(olderThan: 1, at: Date() + 7200).map(\.shipment.trackingNumber) == [number])
            let delivered = try await lastMile.collectReports(at: Date() + 100 * 3600)
            #expect(delivered >= 4, "every report comes twice")
            let stage = try #require(try await tracking.shipments(of: orderID).first?.stage)
            let returns = SandboxBucket.of(number) % 20 == 7
            #expect(stage == (returns ? .returned : .delivered))
            let status = try #require(try await OrderService(store: store).order(orderID)?.status)
            #expect(status == (returns ? .cleared : .delivered), "cleared on arrival; a returned parcel was never delivered")
            let timeline = try await tracking.timeline(of: orderID)
            #expect(Set(timeline.map(\.id)).count == timeline.count, "no event twice")
            #expect(timeline.map(\.at) == timeline.map(\.at).sorted())
        }
    }

    static func refunds(_ store: any Store, _ shop: PaymentTests.Fixture) -> RefundService {
        RefundService(store: store, rates: RateService(store: store, maxAge: 3600), channels: PaymentChannels([shop.bank, shop.partner]))
    }

    @Test("a parcel the carrier returns refunds its order in full, tax included, once, and gives the allowance back", arguments: StoreKind.allCases)
    func returned(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await PaymentTests.Fixture(store)
            _ = try await shop.pay()
            let orderID = shop.orderIDs[0]
            let tracking = TrackingService(store: store, webhookSecret: "carrier-secret")
            let number = try await tracking.createShipment(for: orderID, merchantID: "m-pacific-pantry", draft: TrackingTests.draft, at: Date())
                .trackingNumber
            try await OrderService(store: store).transition(orderID, to: .declared, by: .system, at: Date())
            let lastMile = LastMileService(store: store, tracking: tracking, carrier: SandboxCarrier(store: store, secret: "carrier-secret"),
                                           refunds: Self.refunds(store, shop))
            for (n, stage) in [TrackingStage.departed, .deliveryFailed].enumerated() {
                _ = try await tracking.apply(TrackingEvent(id: "e\(n)", trackingNumber: number, stage: stage, source: .carrier, at: Date(),
                                                           location: "", note: ""), at: Date())
            }
            #expect(try await lastMile.refundReturned(at: Date()) == 0, "a failed attempt is not a return")
            _ = try await tracking.apply(TrackingEvent(id: "e9", trackingNumber: number, stage: .returned, source: .carrier, at: Date(),
                                                       location: "", note: "three attempts failed"), at: Date())
            #expect(try await lastMile.refundReturned(at: Date()) == 1)
            #expect(try await lastMile.refundReturned(at: Date()) == 0, "refunded once")
            let order = try #require(try await OrderService(store: store).order(orderID))
            #expect(order.status == .refunded)
            #expect(try await Self.refunds(store, shop).refunds(of: orderID).map(\.amount) == [order.total], "goods, freight and tax")
            let allowance = try await IdentityService(store: store, cipher: CheckoutTests.cipher, checker: SandboxIdentityChecker(delay: .zero))
                .allowance(of: shop.consumer, at: Date())
            #expect(allowance?.used.isZero == true)
            try await shop.checkBooks()
        }
    }
}
