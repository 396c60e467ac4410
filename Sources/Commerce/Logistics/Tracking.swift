import Foundation
import Money

/// Where a parcel is, in the order it gets there: from the merchant's label through the
/// consolidation hub, the flight, customs and the last mile.
public enum TrackingStage: String, Sendable, Codable, CaseIterable {
    case labelled, pickedUp = "picked_up", hubReceived = "hub_received", departed, arrived
    case customsInspection = "customs_inspection", customsReleased = "customs_released", outForDelivery = "out_for_delivery"
    case deliveryFailed = "delivery_failed", delivered, returned

    /// Its place on the way; a later report of an earlier place does not move the parcel back.
    public var rank: Int { TrackingStage.allCases.firstIndex(of: self) ?? 0 }
}

/// Who reports a tracking event.
public enum TrackingSource: String, Sendable, Codable, CaseIterable {
    case merchant, hub, airline, customs, carrier
}

/// One report on a parcel.
public struct TrackingEvent: Sendable, Hashable {
    public let id: String
    public let trackingNumber: String
    public let stage: TrackingStage
    public let source: TrackingSource
    public let at: Date
    public let location: String
    public let note: String

    public init(id: String, trackingNumber: String, stage: TrackingStage, source: TrackingSource, at: Date, location: String, note: String) {
        self.id = id
        self.trackingNumber = trackingNumber
        self.stage = stage
        self.source = source
        self.at = at
        self.location = location
        self.note = note
    }
}

/// Events from every source put in one order, and where they leave the parcel and the order.
public enum Tracking {
    /// By event time (reports may arrive in any order), then by stage.
    public static func timeline(_ events: [TrackingEvent]) -> [TrackingEvent] {
        events.sorted { ($0.at, $0.stage.rank, $0.id) < ($1.at, $1.stage.rank, $1.id) }
    }

    /// The furthest stage reported; a late event of an earlier stage leaves it where it is.
    public static func current(_ events: [TrackingEvent]) -> TrackingStage? {
        events.max { $0.stage.rank < $1.stage.rank }?.stage
    }

    /// The order states a parcel's stage moves an order in `status` through, in order, in the
    /// direct-mail flow: the flight ships a declared order, customs' release on arrival clears
    /// it, delivery delivers it. A report that skips a stage (a delivery whose release was never
    /// reported) moves the order through the states between; none moves it backwards, and a
    /// parcel returned to the merchant was never delivered.
    public static func orderMoves(for stage: TrackingStage, from status: OrderStatus) -> [OrderStatus] {
        let path: [(status: OrderStatus, reached: Bool)] = [
            (.shipped, stage.rank >= TrackingStage.departed.rank),
            (.cleared, stage.rank >= TrackingStage.customsReleased.rank),
            (.delivered, stage == .delivered),
        ]
        guard let start = [OrderStatus.declared, .shipped, .cleared, .delivered].firstIndex(of: status) else { return [] }
        return Array(path.dropFirst(start).prefix { $0.reached }.map(\.status))
    }
}

/// A UPU S10 item identifier ("CB 12345678 5 US"): two letters, an eight-digit serial, a check
/// digit (weights 8 6 4 2 3 5 9 7; 11 − sum mod 11, with 10 → 0 and 11 → 5) and the origin country.
public enum TrackingNumber {
    public static func checkDigit(_ serial: String) -> Int? {
        let digits = serial.compactMap(\.asciiDigitValue)
        guard digits.count == 8, serial.count == 8 else { return nil }
        let sum = zip(digits, [8, 6, 4, 2, 3, 5, 9, 7]).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        return check == 10 ? 0 : check == 11 ? 5 : check
    }

    public static func make(serial: Int, country: String) -> String {
        let text = String(format: "%08d", serial % 100_000_000)
        return "CB" + text + String(checkDigit(text) ?? 0) + country.uppercased()
    }

    public static func isValid(_ number: String) -> Bool {
        let characters = Array(number)
        guard characters.count == 13, characters[0...1].allSatisfy(\.isASCIIUppercaseLetter),
              characters[11...12].allSatisfy(\.isASCIIUppercaseLetter), let check = characters[10].asciiDigitValue else { return false }
        return checkDigit(String(characters[2...9])) == check
    }
}
