import Commerce
import Foundation
import Money
import Storage

public enum HubError: Error, Equatable, Sendable, CustomStringConvertible {
    case notReady(trackingNumber: String, why: String)
    case unknownBag(String)
    case bagTaken(bag: String, airWaybill: String)
    case invalidAirWaybill(String)
    case unknownAirWaybill(String)
    case impossible(airWaybill: String, status: String, asked: String)

    public var description: String {
        switch self {
        case .notReady(let number, let why): return "parcel \(number) cannot go in a bag: \(why)"
        case .unknownBag(let bag): return "there is no bag \(bag) with parcels in it"
        case .bagTaken(let bag, let awb): return "bag \(bag) is already on air waybill \(awb)"
        case .invalidAirWaybill(let number): return "\(number) is not an air waybill number (3-digit airline, 8-digit serial, mod-7 check)"
        case .unknownAirWaybill(let number): return "there is no air waybill \(number)"
        case .impossible(let number, let status, let asked): return "air waybill \(number) is \(status): it cannot be marked \(asked)"
        }
    }
}

/// The consolidation hub: a parcel is scanned in and weighed against its declaration (held
/// if the two disagree), parcels go into bags, bags onto a master air waybill for a flight, and
/// the waybill's departure and arrival are reported on every parcel in it. A repeated scan or
/// report is the same one: nothing is recorded twice.
public struct HubService: Sendable {
    let store: any Store
    let tracking: TrackingService

    public init(store: any Store, tracking: TrackingService) {
        self.store = store
        self.tracking = tracking
    }

    public struct ScanResult: Sendable, Equatable {
        public let trackingNumber: String
        public let outcome: HubScan.Outcome
        /// False when the parcel had been scanned in before: the first result stands.
        public let first: Bool
    }

    public func scanIn(_ trackingNumber: String, measuredGrams: Int64, hub: String, at now: Date) async throws -> ScanResult {
        guard (1...100_000).contains(measuredGrams) else { throw CatalogError(field: "weightGrams", "a scale reads 1 g to 100 kg") }
        return try await store.transact { reader in
            guard let row = try await reader.read(SQL("SELECT * FROM shipments WHERE tracking_number = ?", bind: trackingNumber)).first else {
                throw TrackingError.unknownTrackingNumber(trackingNumber)
            }
            if try row.optionalInteger("measured_grams") != nil {
                let outcome: HubScan.Outcome = try row.optionalText("hold_reason").map { .held(reason: $0) } ?? .accepted
                return ([], ScanResult(trackingNumber: trackingNumber, outcome: outcome, first: false))
            }
            let outcome = HubScan.check(declaredGrams: try row.integer("weight_grams"), measuredGrams: measuredGrams)
            let reason: String? = if case .held(let why) = outcome { why } else { nil }
            let event = TrackingEvent(id: "hub:\(trackingNumber):received", trackingNumber: trackingNumber, stage: .hubReceived, source: .hub,
                                      at: now, location: hub, note: reason.map { "held: " + $0 } ?? "\(measuredGrams) g")
            let (changes, _) = try await TrackingService(store: reader, webhookSecret: tracking.webhookSecret).applying(event, at: now)
            let told = try reason.map { [NoticeRecords.queued(.heldAtHub, orderID: try row.text("order_id"), detail: $0, at: now)] } ?? []
            return (changes + [.guarded(SQL(
                "UPDATE shipments SET measured_grams = ?, hold_reason = ? WHERE tracking_number = ? AND measured_grams IS NULL RETURNING id",
                bind: measuredGrams, reason, trackingNumber), conflict: "parcel \(trackingNumber) was scanned meanwhile")] + told,
                    ScanResult(trackingNumber: trackingNumber, outcome: outcome, first: true))
        }
    }

    /// What the hub's screen lists: parcels held at scan-in and not yet bagged, and the latest air waybills.
    public struct Board: Sendable, Equatable {
        public struct Held: Sendable, Equatable { public let trackingNumber: String; public let orderID: String; public let reason: String }
        public struct Waybill: Sendable, Equatable { public let number: String; public let flight: String; public let status: String; public let updatedAt: Date }
        public let held: [Held]
        public let waybills: [Waybill]
    }

    public func board(limit: Int = 50) async throws -> Board {
        let held = try await store.read(SQL(
            "SELECT tracking_number, order_id, hold_reason FROM shipments WHERE hold_reason IS NOT NULL AND bag_id IS NULL ORDER BY created_at LIMIT ?",
            bind: Int64(limit))).map {
            Board.Held(trackingNumber: try $0.text("tracking_number"), orderID: try $0.text("order_id"), reason: try $0.text("hold_reason"))
        }
        let waybills = try await store.read(SQL("SELECT number, flight, status, updated_at FROM air_waybills ORDER BY updated_at DESC LIMIT ?",
                                                bind: Int64(limit))).map {
            Board.Waybill(number: try $0.text("number"), flight: try $0.text("flight"), status: try $0.text("status"),
                          updatedAt: Date(millisecondsSince1970: try $0.integer("updated_at")))
        }
        return Board(held: held, waybills: waybills)
    }

    /// Ops weighed a held parcel again (or the merchant corrected its declaration) and let it on:
    /// the hold goes, with ops' note on the parcel's tracking. Releasing one not held is refused.
    public func releaseHold(_ trackingNumber: String, note: String, hub: String, at now: Date) async throws {
        let note = String(note.trimmingCharacters(in: .whitespaces).prefix(200))
        guard !note.isEmpty else { throw CatalogError(field: "note", "say why the parcel may go on (weighed again, declaration corrected)") }
        try await store.transact { reader in
            guard let row = try await reader.read(SQL("SELECT hold_reason FROM shipments WHERE tracking_number = ?", bind: trackingNumber)).first else {
                throw TrackingError.unknownTrackingNumber(trackingNumber)
            }
            guard try row.optionalText("hold_reason") != nil else { throw HubError.notReady(trackingNumber: trackingNumber, why: "it is not held") }
            let event = TrackingEvent(id: "hub:\(trackingNumber):released", trackingNumber: trackingNumber, stage: .hubReceived, source: .hub,
                                      at: now, location: hub, note: "released: " + note)
            let (changes, _) = try await TrackingService(store: reader, webhookSecret: tracking.webhookSecret).applying(event, at: now)
            return (changes + [.guarded(SQL(
                "UPDATE shipments SET hold_reason = NULL WHERE tracking_number = ? AND hold_reason IS NOT NULL RETURNING id", bind: trackingNumber),
                conflict: "parcel \(trackingNumber) was released meanwhile")], ())
        }
    }

    /// Puts scanned, accepted parcels into `bagID`; a parcel already in this bag stays.
    public func bag(_ bagID: String, trackingNumbers: [String], hub: String, at now: Date) async throws {
        guard (1...40).contains(bagID.count) else { throw CatalogError(field: "bagId", "a bag id is 1 to 40 characters") }
        guard !trackingNumbers.isEmpty else { throw CatalogError(field: "trackingNumbers", "scan at least one parcel into the bag") }
        var changes: [Change] = [.write(SQL("INSERT INTO bags (id, hub, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                                            bind: bagID, hub, now.millisecondsSince1970))]
        for number in trackingNumbers {
            guard let row = try await store.read(SQL(
                "SELECT s.*, o.status AS order_status FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.tracking_number = ?",
                bind: number)).first else {
                throw TrackingError.unknownTrackingNumber(number)
            }
            if try row.optionalText("bag_id") == bagID { continue }
            // Direct mail: a parcel flies only once customs has its order, payment and waybill records.
            if try row.text("order_status") != OrderStatus.declared.rawValue {
                throw HubError.notReady(trackingNumber: number, why: "its order is \(try row.text("order_status")), not declared to customs")
            }
            if try row.optionalInteger("measured_grams") == nil { throw HubError.notReady(trackingNumber: number, why: "not scanned in yet") }
            if let reason = try row.optionalText("hold_reason") { throw HubError.notReady(trackingNumber: number, why: "held: \(reason)") }
            if let other = try row.optionalText("bag_id") { throw HubError.notReady(trackingNumber: number, why: "already in bag \(other)") }
            changes.append(.guarded(SQL(
                "UPDATE shipments SET bag_id = ? WHERE tracking_number = ? AND bag_id IS NULL AND hold_reason IS NULL RETURNING id",
                bind: bagID, number), conflict: "parcel \(number) was bagged meanwhile"))
        }
        try await store.apply(changes)
    }

    /// Closes a master air waybill for `flight` over `bagIDs`.
    public func closeAirWaybill(_ number: String, flight: String, bagIDs: [String], hub: String, at now: Date) async throws {
        guard AirWaybillNumber.isValid(number) else { throw HubError.invalidAirWaybill(number) }
        guard (2...10).contains(flight.count) else { throw CatalogError(field: "flight", "a flight is 2 to 10 characters (CA988)") }
        guard !bagIDs.isEmpty else { throw CatalogError(field: "bags", "an air waybill carries at least one bag") }
        var changes: [Change] = [.write(SQL(
            "INSERT INTO air_waybills (number, hub, flight, status, created_at, updated_at) VALUES (?, ?, ?, 'closed', ?, ?) ON CONFLICT (number) DO NOTHING",
            bind: number, hub, flight, now.millisecondsSince1970, now.millisecondsSince1970))]
        for bag in bagIDs {
            guard let row = try await store.read(SQL(
                "SELECT b.air_waybill, (SELECT COUNT(*) FROM shipments s WHERE s.bag_id = b.id) AS parcels FROM bags b WHERE b.id = ?",
                bind: bag)).first, try row.integer("parcels") > 0 else { throw HubError.unknownBag(bag) }
            if let awb = try row.optionalText("air_waybill") {
                guard awb == number else { throw HubError.bagTaken(bag: bag, airWaybill: awb) }
                continue
            }
            changes.append(.guarded(SQL("UPDATE bags SET air_waybill = ? WHERE id = ? AND air_waybill IS NULL RETURNING id", bind: number, bag),
                                    conflict: "bag \(bag) went on another air waybill meanwhile"))
        }
        try await store.apply(changes)
    }

    /// The flight left (`departed`) or landed (`arrived`): the air waybill moves on and every
    /// parcel in it gets the event, in one transaction. A report already applied changes nothing.
    public func report(_ number: String, stage: TrackingStage, at now: Date) async throws {
        let (from, to): (String, String) = switch stage {
        case .departed: ("closed", "departed")
        case .arrived: ("departed", "arrived")
        default: throw HubError.impossible(airWaybill: number, status: "", asked: stage.rawValue)
        }
        try await store.transact { reader in
            guard let awb = try await reader.read(SQL("SELECT * FROM air_waybills WHERE number = ?", bind: number)).first else {
                throw HubError.unknownAirWaybill(number)
            }
            let status = try awb.text("status")
            if status == to { return ([], ()) }
            guard status == from else { throw HubError.impossible(airWaybill: number, status: status, asked: to) }
            let parcels = try await reader.read(SQL(
                "SELECT s.tracking_number FROM shipments s JOIN bags b ON b.id = s.bag_id WHERE b.air_waybill = ? ORDER BY s.tracking_number",
                bind: number))
            var changes: [Change] = [.guarded(SQL("UPDATE air_waybills SET status = ?, updated_at = ? WHERE number = ? AND status = ? RETURNING number",
                                                  bind: to, now.millisecondsSince1970, number, from), conflict: "air waybill \(number) moved meanwhile")]
            let trackingHere = TrackingService(store: reader, webhookSecret: tracking.webhookSecret)
            for parcel in parcels {
                let trackingNumber = try parcel.text("tracking_number")
                let event = TrackingEvent(id: "awb:\(number):\(to):\(trackingNumber)", trackingNumber: trackingNumber, stage: stage, source: .airline,
                                          at: now, location: try awb.text("flight"), note: "air waybill \(number)")
                changes += try await trackingHere.applying(event, at: now).changes
            }
            return (changes, ())
        }
    }

    /// The manifest of an air waybill: one line per parcel, consignees masked.
    public func manifest(_ number: String) async throws -> [ManifestLine] {
        guard try await !store.read(SQL("SELECT number FROM air_waybills WHERE number = ?", bind: number)).isEmpty else {
            throw HubError.unknownAirWaybill(number)
        }
        return try await store.read(SQL(
            """
            SELECT s.tracking_number, s.order_id, s.contents, s.measured_grams, b.id AS bag, o.recipient_masked
            FROM shipments s JOIN bags b ON b.id = s.bag_id JOIN orders o ON o.id = s.order_id
            WHERE b.air_waybill = ? ORDER BY b.id, s.tracking_number
            """, bind: number)).map { row in
                let draft = try JSONDecoder().decode(ShipmentDraft.self, from: Data(try row.text("contents").utf8))
                let value = try Money.sum(draft.contents.map { item throws(MoneyError) in try Money(decimal: item.value, currency: .CNY) },
                                          currency: .CNY)
                return ManifestLine(
                    airWaybill: number, bag: try row.text("bag"), trackingNumber: try row.text("tracking_number"), orderNo: try row.text("order_id"),
                    consignee: try row.optionalText("recipient_masked") ?? "", weightGrams: try row.optionalInteger("measured_grams") ?? 0,
                    contents: draft.contents.map { "\($0.description) ×\($0.quantity) (HS \($0.hsCode))" }.joined(separator: "; "),
                    valueCNY: value.decimalText)
            }
    }
}
