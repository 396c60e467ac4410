import Commerce
import Foundation
import Money
import Services
import Storage
import TestSupport
import Testing

@Suite("Demo data in a store")
struct DemoLoaderTests {
    @Test("the demo loads once, even when several servers start together", arguments: StoreKind.allCases)
    func loadsOnce(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<4 { group.addTask { try await DemoLoader.loadIfAbsent(into: store, at: Date()) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await DemoLoader.loadIfAbsent(into: store, at: Date()) == false)
            let listings = try await CatalogService(store: store).storefronts()
            #expect(listings.map(\.storefront.slug).sorted() == DemoCatalog.entries.map(\.storefront.slug).sorted())
            for listing in listings {
                let entry = try #require(DemoCatalog.entries.first { $0.storefront.slug == listing.storefront.slug })
                #expect(listing.merchant == entry.merchant)
                #expect(listing.productCount == entry.products.count)
                #expect(listing.featured == Array(entry.products.prefix(3)))
            }
        }
    }

    @Test("rates recorded twice for the same moment are kept once; the book has the newest", arguments: StoreKind.allCases)
    func rates(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let service = RateService(store: store, maxAge: 3600)
            let earlier = Date(timeIntervalSince1970: 1_795_000_000)
            let later = earlier + 600
            try await service.record(DemoRates.rates(asOf: earlier), at: earlier)
            try await service.record(DemoRates.rates(asOf: earlier), at: earlier)
            try await service.record(DemoRates.rates(asOf: later), at: later)
            let stored = try await store.read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM fx_rates"))
            #expect(try stored.first?.integer("n") == Int64(2 * DemoRates.rates(asOf: later).count))
            let book = try await service.book()
            #expect(book.rates.count == DemoRates.rates(asOf: later).count)
            #expect(book.rates.allSatisfy { $0.asOf == later })
            #expect(throws: (any Error).self) { try book.rate(from: .USD, to: .CNY, at: later + 3601) }
        }
    }
}
