import Commerce
import Foundation
import Testing

@Suite("Delivery estimates")
struct DeliveryEstimateTests {
    let times = TransitTimes.standard
    let placed = Date(timeIntervalSince1970: 1_794_000_000)
    let route = DeliveryRoute(origin: "US", province: "上海市", lane: .fast)

    func event(_ stage: TrackingStage, hours: Double, id: String = "") -> TrackingEvent {
        TrackingEvent(id: id.isEmpty ? stage.rawValue : id, trackingNumber: "CB1", stage: stage, source: .hub,
                      at: placed + hours * 3600, location: "", note: "")
    }

    func hours(_ a: Date, _ b: Date) -> Int { Int(b.timeIntervalSince(a) / 3600) }

    @Test("at checkout: every leg's quick end and slow end from the order, the slow end allowing a second attempt")
    func atCheckout() throws {
        let estimate = try #require(DeliveryEstimate.make(route: route, placedAt: placed, progress: [], now: placed))
        let us = times.origin("US")
        let near = try #require(times.lastMile[.near]), fast = try #require(times.customs[.fast])
        #expect(hours(placed, estimate.earliest) == us.toHub.fewest + times.atHub.fewest + us.flight.fewest + fast.fewest + near.fewest)
        #expect(hours(placed, estimate.latest) == us.toHub.most + times.atHub.most + us.flight.most + fast.most + near.most + times.retry.most)
        #expect(estimate.basis == nil)
    }

    @Test("the normal lane and a far province arrive later than the fast lane to a near one")
    func laneAndProvince() throws {
        let fast = try #require(DeliveryEstimate.make(route: route, placedAt: placed, progress: [], now: placed))
        let normal = try #require(DeliveryEstimate.make(route: DeliveryRoute(origin: "US", province: "上海市", lane: .normal),
                                                        placedAt: placed, progress: [], now: placed))
        let far = try #require(DeliveryEstimate.make(route: DeliveryRoute(origin: "US", province: "新疆维吾尔自治区", lane: .fast),
                                                     placedAt: placed, progress: [], now: placed))
        let korea = try #require(DeliveryEstimate.make(route: DeliveryRoute(origin: "KR", province: "上海市", lane: .fast),
                                                       placedAt: placed, progress: [], now: placed))
        #expect(normal.earliest > fast.earliest && normal.latest > fast.latest)
        #expect(far.earliest > fast.earliest && far.latest > fast.latest)
        #expect(korea.latest < fast.latest, "Korea is a short flight and a quick pickup away")
    }

    @Test("events recompute the window from the furthest stage; a late report of an earlier stage does not move it back")
    func recomputed() throws {
        let departed = event(.departed, hours: 50)
        let afterDeparture = try #require(DeliveryEstimate.make(route: route, placedAt: placed, progress: [departed], now: departed.at))
        let us = times.origin("US")
        let near = try #require(times.lastMile[.near]), fast = try #require(times.customs[.fast])
        #expect(afterDeparture.basis == .departed)
        #expect(hours(departed.at, afterDeparture.earliest) == us.flight.fewest + fast.fewest + near.fewest)
        let late = try #require(DeliveryEstimate.make(route: route, placedAt: placed, progress: [departed, event(.hubReceived, hours: 30)],
                                                      now: departed.at))
        #expect(late == afterDeparture)
        let atCheckout = try #require(DeliveryEstimate.make(route: route, placedAt: placed, progress: [], now: placed))
        #expect(afterDeparture.latest.timeIntervalSince(afterDeparture.earliest) < atCheckout.latest.timeIntervalSince(atCheckout.earliest),
                "the window narrows as the parcel moves")
    }

    @Test("a late parcel is never promised for the past; delivered and returned parcels have no estimate")
    func lateAndDone() throws {
        let hub = event(.hubReceived, hours: 10)
        let muchLater = placed + 30 * 86_400
        let estimate = try #require(DeliveryEstimate.make(route: route, placedAt: placed, progress: [hub], now: muchLater))
        #expect(estimate.earliest == muchLater && estimate.latest > muchLater)
        #expect(DeliveryEstimate.make(route: route, placedAt: placed, progress: [hub, event(.delivered, hours: 90)], now: muchLater) == nil)
        #expect(DeliveryEstimate.make(route: route, placedAt: placed, progress: [hub, event(.returned, hours: 90)], now: muchLater) == nil)
    }

    @Test("accuracy: the share of parcels delivered inside the window shown, and the error from its middle")
    func accuracy() throws {
        let window = try #require(DeliveryEstimate.make(route: route, placedAt: placed, progress: [], now: placed))
        let inside = DeliveryJourney(route: route, placedAt: placed, events: [
            TrackingEvent(id: "d1", trackingNumber: "A", stage: .delivered, source: .carrier, at: window.middle, location: "", note: ""),
        ])
        let outside = DeliveryJourney(route: route, placedAt: placed, events: [
            TrackingEvent(id: "d2", trackingNumber: "B", stage: .delivered, source: .carrier, at: window.latest + 3600 * 10, location: "", note: ""),
        ])
        let undelivered = DeliveryJourney(route: route, placedAt: placed, events: [])
        let row = try #require(DeliveryAccuracy.measure([inside, outside, undelivered], at: [nil]).first)
        #expect(row.parcels == 2 && row.withinWindow == 1 && row.hitRate == 0.5)
        let expectedError = (window.latest.timeIntervalSince(window.middle) / 3600 + 10) / 2
        #expect(abs(row.meanErrorHours - expectedError) < 0.001)
        #expect(DeliveryAccuracy.measure([inside], at: [.departed]).first?.parcels == 0, "a parcel never seen departing is not counted there")
    }

    @Test("demo journeys come out the same for a seed and are all delivered")
    func demoJourneys() {
        let a = DemoJourneys.make(count: 50, seed: 3, from: placed), b = DemoJourneys.make(count: 50, seed: 3, from: placed)
        #expect(a.map(\.deliveredAt) == b.map(\.deliveredAt))
        #expect(a.allSatisfy { $0.deliveredAt != nil && $0.events.map(\.at) == $0.events.map(\.at).sorted() })
    }
}
