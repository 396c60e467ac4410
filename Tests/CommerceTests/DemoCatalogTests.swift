import Commerce
import Foundation
import Money
import Testing

@Suite("Demo data")
struct DemoCatalogTests {
    @Test("the five first partners are there, each with its own currency and real-looking products")
    func partners() {
        let entries = DemoCatalog.entries
        #expect(entries.count == 5)
        #expect(Set(entries.map(\.merchant.currency)) == [.USD, .EUR, .KRW, .CHF])
        #expect(entries.contains { $0.merchant.onboardedBy != nil && $0.merchant.country == "IT" },
                "the Italian workshop comes through a partner bank")
        for entry in entries {
            #expect(!entry.products.isEmpty)
            for product in entry.products {
                #expect((6...10).contains(product.hsCode.count) && product.hsCode.allSatisfy(\.isNumber), "\(product.id)")
                #expect(Artwork(code: product.artwork.code) == product.artwork, "\(product.id)")
                #expect(!product.name.zh.isEmpty && !product.name.en.isEmpty)
                for sku in product.skus {
                    #expect(sku.price.currency == entry.merchant.currency, "\(sku.id) is priced in its merchant's currency")
                    #expect(sku.price.minorUnits > 0 && sku.weightGrams > 0 && sku.onHand >= 0)
                }
            }
        }
        let ids = entries.flatMap { $0.products.flatMap { $0.skus.map(\.id) } }
        #expect(Set(ids).count == ids.count, "SKU ids are unique")
    }

    @Test("every demo rate is a valid positive rate, and each merchant currency converts to CNY and back")
    func rates() throws {
        let now = Date()
        let rates = DemoRates.rates(asOf: now)
        #expect(rates.count == 12)
        let book = RateBook(rates: rates, maxAge: 60)
        for entry in DemoCatalog.entries {
            _ = try book.rate(from: entry.merchant.currency, to: .CNY, at: now)
            _ = try book.rate(from: .CNY, to: entry.merchant.currency, at: now)
        }
    }

    @Test("artwork codes are read back, and anything else is refused")
    func artworkCodes() {
        #expect(Artwork(code: "shoe:#8b4513") == Artwork(shape: .shoe, color: "#8b4513"))
        for bad in ["shoe", "boat:#000000", "shoe:#00000", "shoe:red", "shoe:#00000g", "shoe:#000000:x"] {
            #expect(Artwork(code: bad) == nil, "\(bad)")
        }
    }
}
