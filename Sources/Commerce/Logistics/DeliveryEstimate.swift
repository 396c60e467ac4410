import Foundation

/// How a parcel clears customs: a buyer whose identity is checked in advance (ePass
/// pre-approval) takes the fast lane; the others wait while customs checks the declaration.
public enum CustomsLane: String, Sendable, Codable, CaseIterable {
    case fast, normal
}

/// The way one parcel goes: from the merchant's country, through that country's consolidation
/// hub, across customs in its lane, to the buyer's province.
public struct DeliveryRoute: Sendable, Hashable {
    public let origin: String
    public let province: String
    public let lane: CustomsLane

    public init(origin: String, province: String, lane: CustomsLane) {
        self.origin = origin.uppercased()
        self.province = province
        self.lane = lane
    }
}

/// A span of hours a leg of the journey takes, from its quick end to its slow end.
public struct TransitHours: Sendable, Hashable {
    public let fewest: Int
    public let most: Int

    public init(_ fewest: Int, _ most: Int) {
        self.fewest = fewest
        self.most = max(fewest, most)
    }

    static func + (a: TransitHours, b: TransitHours) -> TransitHours { TransitHours(a.fewest + b.fewest, a.most + b.most) }
}

/// How long each leg takes, by origin (to the hub and the flight), lane (customs) and
/// destination province (last mile from the gateway in Shanghai, Hangzhou or Guangzhou). The
/// figures are the platform's service levels for the sandbox partners; an operator with real
/// history replaces them.
public struct TransitTimes: Sendable {
    public struct Origin: Sendable {
        public let hub: String
        /// Order placed until the hub scans the parcel in: the merchant packs, a courier collects.
        public let toHub: TransitHours
        public let flight: TransitHours
    }

    public let origins: [String: Origin]
    public let fallbackOrigin: Origin
    /// Scanned in until the bag leaves on a flight: consolidation waits for the next departure.
    public let atHub: TransitHours
    public let customs: [CustomsLane: TransitHours]
    /// Extra time when customs opens a parcel.
    public let inspection: TransitHours
    /// Released until delivered, by how far the province is from the gateways.
    public let lastMile: [LastMileZone: TransitHours]
    /// On the van until the door.
    public let onTheVan: TransitHours
    /// A failed attempt until the next one.
    public let retry: TransitHours

    public enum LastMileZone: Sendable, Hashable {
        case near, middle, far

        /// Gateways are in the Yangtze and Pearl River deltas; the north-west is days away by road.
        public static func of(province: String) -> LastMileZone {
            let near: Set = ["上海市", "江苏省", "浙江省", "安徽省", "北京市", "天津市", "广东省", "福建省", "山东省"]
            let far: Set = ["甘肃省", "青海省", "内蒙古自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区"]
            return near.contains(province) ? .near : far.contains(province) ? .far : .middle
        }
    }

    public static let standard = TransitTimes(
        origins: [
            "US": Origin(hub: "Los Angeles hub", toHub: TransitHours(36, 96), flight: TransitHours(14, 30)),
            "IT": Origin(hub: "Milan hub", toHub: TransitHours(36, 120), flight: TransitHours(12, 30)),
            "FR": Origin(hub: "Frankfurt hub", toHub: TransitHours(36, 96), flight: TransitHours(12, 30)),
            "DE": Origin(hub: "Frankfurt hub", toHub: TransitHours(24, 72), flight: TransitHours(12, 30)),
            "CH": Origin(hub: "Frankfurt hub", toHub: TransitHours(36, 96), flight: TransitHours(12, 30)),
            "GB": Origin(hub: "London hub", toHub: TransitHours(24, 72), flight: TransitHours(12, 30)),
            "KR": Origin(hub: "Incheon hub", toHub: TransitHours(12, 48), flight: TransitHours(3, 12)),
            "JP": Origin(hub: "Tokyo hub", toHub: TransitHours(12, 48), flight: TransitHours(4, 12)),
        ],
        fallbackOrigin: Origin(hub: "Hong Kong hub", toHub: TransitHours(72, 168), flight: TransitHours(12, 48)),
        atHub: TransitHours(6, 36),
        customs: [.fast: TransitHours(2, 12), .normal: TransitHours(24, 72)],
        inspection: TransitHours(24, 72),
        lastMile: [.near: TransitHours(12, 36), .middle: TransitHours(24, 60), .far: TransitHours(72, 144)],
        onTheVan: TransitHours(2, 12),
        retry: TransitHours(20, 30))

    public func origin(_ country: String) -> Origin { origins[country.uppercased()] ?? fallbackOrigin }
}

/// When a parcel should arrive: a window of two instants, and the stage it was worked out from.
public struct DeliveryEstimate: Sendable, Hashable {
    public let earliest: Date
    public let latest: Date
    /// The furthest stage known when the estimate was made; nil before the parcel moved.
    public let basis: TrackingStage?

    /// The middle of the window, the one instant to compare with when it actually arrived.
    public var middle: Date { earliest + latest.timeIntervalSince(earliest) / 2 }

    /// Works out the window from the furthest point reached: the legs still ahead, each at its
    /// quick and slow end (the slow end with a second delivery attempt), added to the time that point was reached (the order's time before
    /// the parcel moved). A parcel already late is never promised for the past: the window
    /// moves to start now and keeps the width of what is left. Nil once the parcel is
    /// delivered or returned — there is nothing left to estimate.
    public static func make(route: DeliveryRoute, placedAt: Date, progress: [TrackingEvent], now: Date,
                            times: TransitTimes = .standard) -> DeliveryEstimate? {
        let reached = progress.max { ($0.stage.rank, $0.at) < ($1.stage.rank, $1.at) }
        let stage = reached?.stage
        if stage == .delivered || stage == .returned { return nil }
        let origin = times.origin(route.origin)
        let customs = times.customs[route.lane] ?? TransitHours(0, 0)
        let lastMile = times.lastMile[TransitTimes.LastMileZone.of(province: route.province)] ?? TransitHours(0, 0)
        var ahead: [TransitHours]
        var from = reached?.at ?? placedAt
        switch stage {
        case nil, .labelled, .pickedUp:
            // The leg to the hub runs from the order, whatever the merchant reported on the way.
            ahead = [origin.toHub, times.atHub, origin.flight, customs, lastMile]
            from = placedAt
        case .hubReceived: ahead = [times.atHub, origin.flight, customs, lastMile]
        case .departed: ahead = [origin.flight, customs, lastMile]
        case .arrived: ahead = [customs, lastMile]
        case .customsInspection: ahead = [times.inspection, lastMile]
        case .customsReleased: ahead = [lastMile]
        case .outForDelivery: ahead = [times.onTheVan]
        case .deliveryFailed: ahead = [times.retry]
        case .delivered, .returned: return nil
        }
        if stage != .deliveryFailed {
            // One first attempt in five fails; the slow end allows for one more attempt.
            ahead.append(TransitHours(0, times.retry.most))
        }
        let total = ahead.reduce(TransitHours(0, 0), +)
        var earliest = from + TimeInterval(total.fewest * 3600)
        var latest = from + TimeInterval(total.most * 3600)
        if latest < now {
            earliest = now
            latest = now + TimeInterval((total.most - total.fewest) * 3600)
        } else if earliest < now {
            earliest = now
        }
        return DeliveryEstimate(earliest: earliest, latest: latest, basis: stage)
    }

    public init(earliest: Date, latest: Date, basis: TrackingStage?) {
        self.earliest = earliest
        self.latest = latest
        self.basis = basis
    }
}
