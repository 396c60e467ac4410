import Commerce
import Foundation
import Storage

/// A local carrier for the last mile: it takes a parcel and reports by signed webhook.
public protocol CarrierGateway: Sendable {
    /// Hands a parcel over; returns the carrier's reference. Throws when the carrier refuses.
    func handOff(trackingNumber: String, city: String, at now: Date) async throws -> String
    /// Sends every report that is due, signed, to `deliver`; returns how many.
    func deliverReports(at now: Date, to deliver: (_ timestamp: String, _ body: String, _ signature: String) async throws -> Void)
        async throws -> Int
}

public struct CarrierUnavailable: Error, CustomStringConvertible {
    public let description: String
}

/// A carrier's test environment. Out for delivery an hour after hand-off; then, chosen by the
/// tracking number as test systems do: most parcels delivered with a proof of delivery; one in
/// five fails the first attempt and is delivered the next day; one in twenty fails three times
/// and goes back. One hand-off in ten is refused ("depot full") and must be tried again. Every
/// report is sent twice.
public struct SandboxCarrier: CarrierGateway {
    let store: any Store
    let secret: String
    let hour: TimeInterval

    public init(store: any Store, secret: String, hour: TimeInterval = 3600) {
        self.store = store
        self.secret = secret
        self.hour = hour
    }

    public func handOff(trackingNumber: String, city: String, at now: Date) async throws -> String {
        let bucket = SandboxBucket.of(trackingNumber)
        let reference = "SF" + String(format: "%010d", bucket * 7919 % 10_000_000_000)
        // One hand-off in ten is refused once: the depot is full this hour.
        let refused = try await store.read(SQL("SELECT id FROM sandbox_carrier_outbox WHERE id = ?", bind: "\(trackingNumber)-refused"))
        if bucket % 10 == 3, refused.isEmpty {
            try await store.apply([.write(SQL("INSERT INTO sandbox_carrier_outbox (id, body, deliver_at, delivered_at) VALUES (?, '', ?, ?)",
                                              bind: "\(trackingNumber)-refused", now.millisecondsSince1970, now.millisecondsSince1970))])
            throw CarrierUnavailable(description: "the \(city) depot is full; hand the parcel over again later")
        }
        var reports: [(TrackingStage, TimeInterval, String)] = [(.outForDelivery, hour, "with the courier in \(city)")]
        if bucket % 20 == 7 {
            reports += (1...3).map { (.deliveryFailed, hour * (2 + Double($0 - 1) * 24), "attempt \($0): nobody at home") }
            reports.append((.returned, hour * 75, "returned to the hub after three attempts"))
        } else if bucket % 5 == 1 {
            reports += [(.deliveryFailed, hour * 2, "attempt 1: nobody at home"), (.delivered, hour * 26, "proof of delivery POD-\(reference)")]
        } else {
            reports.append((.delivered, hour * 3, "proof of delivery POD-\(reference)"))
        }
        var changes: [Change] = []
        for (index, (stage, after, note)) in reports.enumerated() {
            let at = now + after
            let body = #"{"at":"\#(at.ISO8601Format())","eventId":"\#(reference)-\#(index)","location":"\#(city)","note":"\#(note)","source":"carrier","stage":"\#(stage.rawValue)","trackingNumber":"\#(trackingNumber)"}"#
            for copy in 1...2 {
                changes.append(.write(SQL(
                    "INSERT INTO sandbox_carrier_outbox (id, body, deliver_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    bind: "\(reference)-\(index)#\(copy)", body, (at + Double(copy - 1) * 60).millisecondsSince1970)))
            }
        }
        try await store.apply(changes)
        return reference
    }

    public func deliverReports(at now: Date, to deliver: (_ timestamp: String, _ body: String, _ signature: String) async throws -> Void)
        async throws -> Int {
        let due = try await store.read(SQL(
            "SELECT id, body FROM sandbox_carrier_outbox WHERE delivered_at IS NULL AND deliver_at <= ? ORDER BY deliver_at, id",
            bind: now.millisecondsSince1970))
        for row in due {
            let body = try row.text("body")
            let timestamp = String(now.secondsSince1970)
            try await deliver(timestamp, body, CallbackSignature.sign(timestamp: timestamp, body: body, secret: secret))
            try await store.apply([.write(SQL("UPDATE sandbox_carrier_outbox SET delivered_at = ? WHERE id = ?",
                                              bind: now.millisecondsSince1970, try row.text("id")))])
        }
        return due.count
    }
}
