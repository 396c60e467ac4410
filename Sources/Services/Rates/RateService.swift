import Foundation
import Money
import Storage
import Synchronization

/// Records exchange rates and answers with the rate book in force.
public struct RateService: Sendable {
    let store: any Store
    /// How old a rate may be and still be used.
    public let maxAge: TimeInterval
    /// The book kept in memory for a moment, when given: every quote needs it.
    let cache: RateBookCache?

    public init(store: any Store, maxAge: TimeInterval, cache: RateBookCache? = nil) {
        self.store = store
        self.maxAge = maxAge
        self.cache = cache
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
        cache?.forget()
    }

    /// The newest rate of every pair, whatever its age: the book applies the age rule.
    public func book() async throws -> RateBook {
        if let kept = cache?.kept() { return kept }
        let book = try await loadBook()
        cache?.keep(book)
        return book
    }

    private func loadBook() async throws -> RateBook {
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

/// The rate book of the moment, shared by the requests of one server for `lifetime` (a rate
/// recorded by another server is seen after at most that long; one recorded here at once).
/// Without it, every quote read the newest rate of each pair again from the whole rate history.
public final class RateBookCache: Sendable {
    private let held = Mutex<(book: RateBook, until: ContinuousClock.Instant)?>(nil)
    let lifetime: Duration

    public init(lifetime: Duration = .seconds(1)) {
        self.lifetime = lifetime
    }

    func kept() -> RateBook? {
        held.withLock { held in
            guard let held, ContinuousClock.now < held.until else { return nil }
            return held.book
        }
    }

    func keep(_ book: RateBook) {
        let until = ContinuousClock.now + lifetime
        held.withLock { $0 = (book, until) }
    }

    func forget() { held.withLock { $0 = nil } }
}
