import Commerce
import Foundation
import Money
import Storage

/// What a country's export validation system (PABLO, OTELLO, DIVA, a customs stamp read by the
/// operator…) says about a form: the goods left on `exportedAt`, or customs refused.
public struct ExportValidationResult: Sendable, Equatable {
    public let eventID: String
    public let formID: String
    public let validated: Bool
    public let exportedAt: Date

    public init(eventID: String, formID: String, validated: Bool, exportedAt: Date) {
        self.eventID = eventID
        self.formID = formID
        self.validated = validated
        self.exportedAt = exportedAt
    }
}

/// The interface a real connection to each country's system would have: a form is registered
/// when it is issued, and results come back later — late, sometimes twice, sometimes never.
public protocol ExportValidationGateway: Sendable {
    /// Registers an issued form. Throws when the system is unavailable; the form is sent again
    /// next round, and the system takes a repeated form once.
    func register(formID: String, country: String, system: String, gross: Money, deadline: Date, at now: Date) async throws
    /// The results that have arrived by `now`, not yet taken with `taken`.
    func arrived(at now: Date) async throws -> [ExportValidationResult]
    /// Marks results as received by the platform, so that they are not delivered again (a
    /// repeated delivery is still possible, and harmless).
    func taken(_ results: [ExportValidationResult], at now: Date) async throws
}

/// The sandbox systems of all eight countries, keeping their own records in
/// `sandbox_export_submissions`. A form's gross amount chooses what happens by its last two
/// digits in minor units: 13 refused by customs, 14 never answered (the deadline passes), 15
/// exported only after the deadline, 99 the system unavailable at registration the first time;
/// anything else validated. Results arrive `answerDelay` after registration from the electronic
/// systems (PABLO, OTELLO, DIVA, Korea's), three times later from those that stamp paper (the
/// operator reads the stamp first), and about one form in two has its result delivered twice
/// (`deliveries` counts the deliveries still to make).
public struct SandboxExportValidation: ExportValidationGateway {
    let store: any Store
    let answerDelay: TimeInterval

    /// The systems whose validation is a customs stamp on the paper form.
    static let paperSystems: Set<String> = ["customs stamp"]

    public init(store: any Store, answerDelay: TimeInterval = 20) {
        self.store = store
        self.answerDelay = answerDelay
    }

    public func register(formID: String, country: String, system: String, gross: Money, deadline: Date, at now: Date) async throws {
        let ending = gross.minorUnits % 100
        if ending == 99, try await store.read(SQL("SELECT 1 AS seen FROM sandbox_export_submissions WHERE form_id = ?", bind: formID)).isEmpty {
            // Unavailable the first time: remember the attempt, so that the retry gets through.
            try await store.apply([.write(SQL(
                """
                INSERT INTO sandbox_export_submissions (form_id, system, submitted_at, answer_at, validated, deliveries)
                VALUES (?, ?, ?, ?, 1, -1) ON CONFLICT (form_id) DO NOTHING
                """, bind: formID, system, now.millisecondsSince1970, now.millisecondsSince1970))])
            throw ChannelFailure.unavailable("\(system) is not answering")
        }
        let answerAt: Date
        switch ending {
        case 14: answerAt = .distantFuture
        case 15: answerAt = deadline + 86_400
        default: answerAt = now + answerDelay * (Self.paperSystems.contains(system) ? 3 : 1)
        }
        let deliveries: Int64 = Secrets.digest(Array(formID.utf8)).utf8.last.map { $0 % 2 == 0 } == true ? 2 : 1
        try await store.apply([.write(SQL(
            """
            INSERT INTO sandbox_export_submissions (form_id, system, submitted_at, answer_at, validated, deliveries)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (form_id) DO UPDATE SET answer_at = excluded.answer_at, deliveries = excluded.deliveries
            WHERE sandbox_export_submissions.deliveries < 0
            """, bind: formID, system, now.millisecondsSince1970, answerAt.millisecondsSince1970, ending != 13, deliveries))])
    }

    public func arrived(at now: Date) async throws -> [ExportValidationResult] {
        let rows = try await store.read(SQL(
            "SELECT * FROM sandbox_export_submissions WHERE answer_at <= ? AND deliveries > 0 ORDER BY answer_at LIMIT 500",
            bind: now.millisecondsSince1970))
        return try rows.map { row in
            let formID = try row.text("form_id")
            return ExportValidationResult(eventID: "\(try row.text("system")):\(formID)", formID: formID, validated: try row.integer("validated") != 0,
                                          exportedAt: Date(millisecondsSince1970: try row.integer("answer_at")))
        }
    }

    public func taken(_ results: [ExportValidationResult], at now: Date) async throws {
        guard !results.isEmpty else { return }
        try await store.apply([.write(SQL(
            "UPDATE sandbox_export_submissions SET deliveries = deliveries - 1 WHERE form_id IN (\(SQL.placeholders(results.count)))",
            results.map { $0.formID.sqlValue }))])
    }
}
