import Foundation
import Money
import Storage

/// Records exchange rates and answers with the rate book in force.
public struct RateService: Sendable {
    let store: any Store
    /// How old a rate may be and still be used.
    public let maxAge: TimeInterval

    public init(store: any Store, maxAge: TimeInterval) {
        self.store = store
        self.maxAge = maxAge
    }

    /// The changes that record `rates`, and re-key product prices by the newest; a rate
    /// already recorded for the same pair and time is left as it was (a feed that sends a
    /// figure twice changes nothing).
    public static func recording(_ rates: [ExchangeRate], at now: Date) -> [Change] {
        rates.map { rate in
            .write(SQL(
                """
                INSERT INTO fx_rates (base, quote, as_of, rate, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (base, quote, as_of) DO NOTHING
                """,
                bind: rate.base.code, rate.quote.code, rate.asOf.millisecondsSince1970, rate.rate.description,
                rate.source, now.millisecondsSince1970))
        } + CatalogPricing.refreshing(for: rates)
    }

    public func record(_ rates: [ExchangeRate], at now: Date) async throws {
        try await store.apply(RateService.recording(rates, at: now))
    }

    /// The newest rate of every pair, whatever its age: the book applies the age rule.
    public func book() async throws -> RateBook {
        let rows = try await store.read(SQL(
            """
            SELECT r.base, r.quote, r.as_of, r.rate, r.source FROM fx_rates r
            JOIN (SELECT base, quote, MAX(as_of) AS as_of FROM fx_rates GROUP BY base, quote) newest
              ON newest.base = r.base AND newest.quote = r.quote AND newest.as_of = r.as_of
            """))
        let rates = try rows.map { row in
            try ExchangeRate(
                base: try Currency(code: try row.text("base")), quote: try Currency(code: try row.text("quote")),
                rate: try ExactDecimal(parsing: try row.text("rate")), source: try row.text("source"),
                asOf: Date(millisecondsSince1970: try row.integer("as_of")))
        }
        return RateBook(rates: rates, maxAge: maxAge)
    }
}

extension Date {
    public var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    public init(millisecondsSince1970 milliseconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }
}
