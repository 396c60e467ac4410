import Foundation

/// A parcel's whole journey as it happened: its route, when it was ordered, and every event up
/// to delivery.
public struct DeliveryJourney: Sendable {
    public let route: DeliveryRoute
    public let placedAt: Date
    public let events: [TrackingEvent]

    public init(route: DeliveryRoute, placedAt: Date, events: [TrackingEvent]) {
        self.route = route
        self.placedAt = placedAt
        self.events = events
    }

    public var deliveredAt: Date? { events.filter { $0.stage == .delivered }.map(\.at).min() }
}

/// How well the estimates shown at one point of the journey foretold the delivery.
public struct DeliveryAccuracy: Sendable, Equatable {
    /// Where the estimate was made: nil at checkout, else the stage just reached.
    public let checkpoint: TrackingStage?
    public let parcels: Int
    /// Parcels delivered inside the window they were shown.
    public let withinWindow: Int
    public let meanErrorHours: Double
    public let meanWindowHours: Double

    public var hitRate: Double { parcels == 0 ? 0 : Double(withinWindow) / Double(parcels) }

    /// For each checkpoint, the estimate each delivered parcel was shown at that moment —
    /// knowing only the events reported by then — against when it really arrived. The error
    /// is from the window's middle.
    public static func measure(_ journeys: [DeliveryJourney], at checkpoints: [TrackingStage?],
                               times: TransitTimes = .standard) -> [DeliveryAccuracy] {
        checkpoints.map { checkpoint in
            var parcels = 0, within = 0
            var errorHours = 0.0, windowHours = 0.0
            for journey in journeys {
                guard let delivered = journey.deliveredAt else { continue }
                let moment: Date
                if let checkpoint {
                    guard let reached = journey.events.filter({ $0.stage == checkpoint }).map(\.at).min() else { continue }
                    moment = reached
                } else {
                    moment = journey.placedAt
                }
                let known = journey.events.filter { $0.at <= moment }
                guard let estimate = DeliveryEstimate.make(route: journey.route, placedAt: journey.placedAt, progress: known,
                                                           now: moment, times: times) else { continue }
                parcels += 1
                if estimate.earliest <= delivered, delivered <= estimate.latest { within += 1 }
                errorHours += abs(delivered.timeIntervalSince(estimate.middle)) / 3600
                windowHours += estimate.latest.timeIntervalSince(estimate.earliest) / 3600
            }
            let count = Double(max(parcels, 1))
            return DeliveryAccuracy(checkpoint: checkpoint, parcels: parcels, withinWindow: within,
                                    meanErrorHours: errorHours / count, meanWindowHours: windowHours / count)
        }
    }

    public static let checkpoints: [TrackingStage?] = [nil, .hubReceived, .departed, .customsReleased, .outForDelivery]
}
