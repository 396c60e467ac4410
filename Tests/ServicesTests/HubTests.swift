import Commerce
import Foundation
@testable import Services
import Storage
import TestSupport
import Testing

@Suite("The consolidation hub")
struct HubTests {
    @Test("scan in (held when the weight disagrees), bag, close an air waybill, depart and arrive: every parcel gets the events once",
          arguments: StoreKind.allCases)
    func flow(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let tracking = TrackingService(store: store, webhookSecret: "s")
            let hub = HubService(store: store, tracking: tracking)
            var numbers: [String] = []
            var orders: [String] = []
            var buyers: [Consumer] = []
            for buyer in 1...2 {
                let shop = try await PaymentTests.Fixture(store, buyer: buyer)
                buyers.append(shop.consumer)
                _ = try await shop.pay()
                try await OrderService(store: store).transition(shop.orderIDs[0], to: .declared, by: .system, at: Date())
                numbers.append(try await tracking.createShipment(for: shop.orderIDs[0], merchantID: "m-pacific-pantry",
                                                                 draft: TrackingTests.draft, at: Date()).trackingNumber)
                orders.append(shop.orderIDs[0])
            }
            let first = try await hub.scanIn(numbers[0], measuredGrams: 920, hub: "LAX", at: Date())
            #expect(first.outcome == .accepted && first.first)
            let again = try await hub.scanIn(numbers[0], measuredGrams: 5_000, hub: "LAX", at: Date())
            #expect(again.outcome == .accepted && !again.first, "a second scan is the first one")
            let heavy = try await hub.scanIn(numbers[1], measuredGrams: 1_500, hub: "LAX", at: Date())
            #expect(heavy.outcome != .accepted)
            let told = try await NoticeService(store: store).notices(of: buyers[1]).first { $0.kind == .heldAtHub }
            #expect(told?.orderID == orders[1] && told?.detail.isEmpty == false, "the held parcel's buyer is told why")
            #expect(try await NoticeService(store: store).notices(of: buyers[0]).contains { $0.kind == .heldAtHub } == false)
            await #expect(throws: HubError.self) { try await hub.bag("B1", trackingNumbers: [numbers[1]], hub: "LAX", at: Date()) }
            try await hub.bag("B1", trackingNumbers: [numbers[0]], hub: "LAX", at: Date())
            try await hub.bag("B1", trackingNumbers: [numbers[0]], hub: "LAX", at: Date())
            await #expect(throws: HubError.invalidAirWaybill("176-12345674")) {
                try await hub.closeAirWaybill("176-12345674", flight: "CA988", bagIDs: ["B1"], hub: "LAX", at: Date())
            }
            try await hub.closeAirWaybill("176-12345675", flight: "CA988", bagIDs: ["B1"], hub: "LAX", at: Date())
            await #expect(throws: HubError.impossible(airWaybill: "176-12345675", status: "closed", asked: "arrived")) {
                try await hub.report("176-12345675", stage: .arrived, at: Date())
            }
            try await hub.report("176-12345675", stage: .departed, at: Date())
            try await hub.report("176-12345675", stage: .departed, at: Date())
            #expect(try await OrderService(store: store).order(orders[0])?.status == .shipped)
            #expect(try await OrderService(store: store).order(orders[1])?.status == .declared, "the held parcel stayed")
            #expect(try await OrderBooksCheck(store: store).run().isEmpty, "the departed parcel's stock is used up, the held one's still reserved")
            try await hub.report("176-12345675", stage: .arrived, at: Date())
            let stages = try await tracking.timeline(of: orders[0]).map(\.stage)
            #expect(stages == [.labelled, .hubReceived, .departed, .arrived])
            let manifest = try await hub.manifest("176-12345675")
            #expect(manifest.map(\.trackingNumber) == [numbers[0]])
            #expect(manifest.first?.weightGrams == 920 && manifest.first?.valueCNY == "80.00")
            #expect(manifest.first?.consignee == "王*明")

            // The held parcel, weighed again: ops release it with a note, and it may be bagged.
            #expect(try await hub.board().held.map(\.trackingNumber) == [numbers[1]])
            await #expect(throws: CatalogError.self) { try await hub.releaseHold(numbers[1], note: " ", hub: "LAX", at: Date()) }
            await #expect(throws: HubError.self) { try await hub.releaseHold(numbers[0], note: "fine", hub: "LAX", at: Date()) }
            try await hub.releaseHold(numbers[1], note: "weighed again: 1,010 g with the packing", hub: "LAX", at: Date())
            #expect(try await hub.board().held.isEmpty)
            try await hub.bag("B2", trackingNumbers: [numbers[1]], hub: "LAX", at: Date())
            #expect(try await tracking.timeline(of: orders[1]).contains { $0.note.hasPrefix("released: weighed again") })
            #expect(try await hub.board().waybills.map(\.status) == ["arrived"])
        }
    }
}
