import Commerce
import Foundation
import Money
import Storage

/// The import allowance used per identity number and year, moved atomically with the orders
/// that use it: one guarded upsert, so that two checkouts by the same buyer at once cannot
/// both slip under the annual limit, on SQLite or PostgreSQL.
public enum AllowanceRecords {
    public static func use(_ value: Money, fingerprint: String, year: Int, limit: Money) -> Change {
        .guarded(SQL(
            """
            INSERT INTO import_allowances (id_fingerprint, year, used_fen) VALUES (?, ?, ?)
            ON CONFLICT (id_fingerprint, year) DO UPDATE SET used_fen = import_allowances.used_fen + excluded.used_fen
            WHERE import_allowances.used_fen + excluded.used_fen <= ?
            RETURNING id_fingerprint
            """,
            bind: fingerprint, year, value.minorUnits, limit.minorUnits),
            conflict: "the annual limit for cross-border purchases would be passed")
    }

    /// Gives back what a cancelled or refunded order had used.
    public static func giveBack(_ fen: Int64, fingerprint: String, year: Int) -> Change {
        .guarded(SQL(
            "UPDATE import_allowances SET used_fen = used_fen - ? WHERE id_fingerprint = ? AND year = ? AND used_fen >= ? RETURNING id_fingerprint",
            bind: fen, fingerprint, year, fen), conflict: "the allowance to give back is not there")
    }

    static func used(fingerprint: String, year: Int, in store: any Store) async throws -> Money {
        let rows = try await store.read(SQL("SELECT used_fen FROM import_allowances WHERE id_fingerprint = ? AND year = ?",
                                            bind: fingerprint, year))
        return Money(minorUnits: try rows.first?.integer("used_fen") ?? 0, currency: .CNY)
    }
}

extension IdentityService {
    /// The buyer's allowance this year, or nil before enrolment.
    public func allowance(of consumer: Consumer, at now: Date) async throws -> ImportAllowance? {
        guard let fingerprint = try await IdentityService.fingerprint(of: consumer, in: store) else { return nil }
        let day = Day(beijing: now)
        return try ImportAllowance.on(day, used: try await AllowanceRecords.used(fingerprint: fingerprint, year: day.year, in: store))
    }

    static func fingerprint(of consumer: Consumer, in store: any Store) async throws -> String? {
        try await store.read(SQL("SELECT id_fingerprint FROM buyer_identities WHERE consumer_id = ?", bind: consumer.id))
            .first?.text("id_fingerprint")
    }
}
