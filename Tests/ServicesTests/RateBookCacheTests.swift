import Commerce
import Foundation
import Money
@testable import Services
import Storage
import TestSupport
import Testing

@Suite("The rate book in memory")
struct RateBookCacheTests {
    @Test("kept for its lifetime, forgotten when this server records a rate, read again after it", arguments: [StoreKind.sqlite])
    func cache(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let start = Date()
            let rates = RateService(store: store, maxAge: 3600, cache: RateBookCache(lifetime: .seconds(3600)))
            try await rates.record(DemoRates.rates(asOf: start - 60), at: start)
            let first = try await rates.book()
            let usd = try first.rate(from: .USD, to: .CNY, at: start)
            // A rate recorded behind this server's back is not seen while the book is kept...
            let elsewhere = try DemoRates.rates(asOf: start - 30).map {
                try ExchangeRate(base: $0.base, quote: $0.quote, rate: try ExactDecimal(parsing: "9.9"), source: "other server", asOf: $0.asOf)
            }
            try await store.apply(RateService.recording(elsewhere, at: start))
            #expect(try await rates.book().rate(from: .USD, to: .CNY, at: start) == usd)
            // ...and one recorded through it is seen at once.
            try await rates.record(DemoRates.rates(asOf: start), at: start)
            let after = try await rates.book().rate(from: .USD, to: .CNY, at: start)
            #expect(after.asOf == Date(millisecondsSince1970: start.millisecondsSince1970))
            let uncached = try await RateService(store: store, maxAge: 3600).book().rate(from: .USD, to: .CNY, at: start)
            #expect(uncached == after)
        }
    }
}
