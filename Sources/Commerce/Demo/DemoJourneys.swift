import Foundation

/// Journeys of demo parcels as the sandbox partners make them happen, stretched to real days:
/// merchants in the demo catalogue's countries, buyers across the provinces (most near the
/// gateways), four in five pre-approved, and the partners' disturbances — one parcel in ten
/// opened by customs, one first delivery attempt in five failing, one flight in twenty
/// missing its connection, one merchant in twenty-five packing after a weekend. What the
/// estimates are measured against.
public enum DemoJourneys {
    public static func make(count: Int, seed: UInt64, from start: Date) -> [DeliveryJourney] {
        var random = SplitMix(state: seed)
        let origins = DemoCatalog.entries.map(\.merchant.country)
        let near = ["上海市", "江苏省", "浙江省", "北京市", "广东省", "山东省"]
        return (0..<count).map { index in
            let province = Double.random(in: 0..<1, using: &random) < 0.7
                ? near[Int.random(in: 0..<near.count, using: &random)]
                : DeliveryAddress.provinces[Int.random(in: 0..<DeliveryAddress.provinces.count, using: &random)]
            let route = DeliveryRoute(origin: origins[index % origins.count], province: province,
                                      lane: Int.random(in: 0..<5, using: &random) == 0 ? .normal : .fast)
            let placedAt = start + TimeInterval(index * 97)
            return DeliveryJourney(route: route, placedAt: placedAt, events: events(route, placedAt: placedAt, index: index, random: &random))
        }
    }

    private static func events(_ route: DeliveryRoute, placedAt: Date, index: Int, random: inout SplitMix) -> [TrackingEvent] {
        let times = TransitTimes.standard
        let origin = times.origin(route.origin)
        var now = placedAt
        var events: [TrackingEvent] = []
        func pass(_ hours: TransitHours, extra: Int = 0, _ stage: TrackingStage, _ source: TrackingSource, random: inout SplitMix) {
            // Most legs take about the middle of their span; a few run to either end or past it.
            let a = Int.random(in: hours.fewest...hours.most, using: &random)
            let b = Int.random(in: hours.fewest...hours.most, using: &random)
            now += TimeInterval(((a + b) / 2 + extra) * 3600 + Int.random(in: 0..<3600, using: &random))
            events.append(TrackingEvent(id: "demo-\(index)-\(events.count)", trackingNumber: "demo-\(index)", stage: stage,
                                        source: source, at: now, location: "", note: ""))
        }
        let weekend = Int.random(in: 0..<25, using: &random) == 0 ? 48 : 0
        pass(origin.toHub, extra: weekend, .hubReceived, .hub, random: &random)
        pass(times.atHub, .departed, .airline, random: &random)
        pass(origin.flight, extra: Int.random(in: 0..<20, using: &random) == 0 ? 24 : 0, .arrived, .airline, random: &random)
        if Int.random(in: 0..<10, using: &random) == 0 {
            pass(times.customs[route.lane] ?? TransitHours(0, 0), .customsInspection, .customs, random: &random)
            pass(times.inspection, .customsReleased, .customs, random: &random)
        } else {
            pass(times.customs[route.lane] ?? TransitHours(0, 0), .customsReleased, .customs, random: &random)
        }
        let lastMile = times.lastMile[TransitTimes.LastMileZone.of(province: route.province)] ?? TransitHours(0, 0)
        pass(TransitHours(lastMile.fewest - times.onTheVan.fewest, lastMile.most - times.onTheVan.most), .outForDelivery, .carrier,
             random: &random)
        if Int.random(in: 0..<5, using: &random) == 0 {
            pass(times.onTheVan, .deliveryFailed, .carrier, random: &random)
            pass(times.retry, .delivered, .carrier, random: &random)
        } else {
            pass(times.onTheVan, .delivered, .carrier, random: &random)
        }
        return events
    }
}
