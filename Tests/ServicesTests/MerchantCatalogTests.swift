import Commerce
import Foundation
import Money
import Services
import Storage
import TestSupport
import Testing

@Suite("A merchant's own catalogue")
struct MerchantCatalogTests {
    let now = Date()

    func draft(_ id: String, price: String = "12.50", stock: Int64 = 10) -> ProductDraft {
        ProductDraft(id: id, nameEn: "Maple syrup", nameZh: "枫糖浆", descriptionEn: "Grade A amber.", descriptionZh: "A级琥珀色。",
                     category: "food", brand: "Pacific Pantry", hsCode: "170220", originCountry: "CA", shipsToChina: true,
                     skus: [.init(id: "\(id)-1", variantEn: "1 l", variantZh: "1升", price: price, weightGrams: 1400, stock: stock)])
    }

    func withMerchants(_ kind: StoreKind, _ body: @escaping (any Store, Merchant, Merchant) async throws -> Void) async throws {
        try await withTestStore(kind) { store in
            try await DemoLoader.loadIfAbsent(into: store, at: Date())
            let keys = MerchantKeyService(store: store)
            let a = try #require(try await keys.merchant(forKey: try await keys.issue(merchantID: "m-pacific-pantry", label: "t", at: now)))
            let b = try #require(try await keys.merchant(forKey: try await keys.issue(merchantID: "m-seoul-dew", label: "t", at: now)))
            try await body(store, a, b)
        }
    }

    @Test("a merchant creates and updates its products, and they become searchable", arguments: StoreKind.allCases)
    func createAndUpdate(kind: StoreKind) async throws {
        try await withMerchants(kind) { store, pantry, _ in
            let service = MerchantCatalogService(store: store, rates: RateService(store: store, maxAge: 3600))
            try await service.save([draft("pp-maple")], for: pantry, at: now)
            #expect(try await CatalogSearch(store: store).search(ProductQuery(text: "枫糖")).products.map(\.id) == ["pp-maple"])
            let sku = try await service.updateSKU("pp-maple-1", price: "13.00", stock: 4, for: pantry, at: now)
            #expect(sku.price == Money(minorUnits: 1300, currency: .USD) && sku.onHand == 4)
            await #expect(throws: CatalogError(field: "price", "'13.001' has more decimals than USD allows (2)")) {
                try await service.updateSKU("pp-maple-1", price: "13.001", stock: nil, for: pantry, at: now)
            }
        }
    }

    @Test("merchant A can neither read nor change merchant B's products", arguments: StoreKind.allCases)
    func isolation(kind: StoreKind) async throws {
        try await withMerchants(kind) { store, pantry, seoul in
            let service = MerchantCatalogService(store: store, rates: RateService(store: store, maxAge: 3600))
            await #expect(throws: MerchantCatalogService.NotFound.self) { try await service.product("sd-serum", of: pantry) }
            await #expect(throws: MerchantCatalogService.NotFound.self) {
                try await service.updateSKU("sd-serum-1", price: "1.00", stock: nil, for: pantry, at: now)
            }
            await #expect(throws: StoreError.self) { try await service.save([draft("sd-serum")], for: pantry, at: now) }
            let serum = try await service.product("sd-serum", of: seoul)
            #expect(serum.name.en == "Rice essence serum, 50 ml")
            // A stock change keeps what it does not touch: the net content customs prices cosmetics by.
            let restocked = try await service.updateSKU("sd-serum-1", price: nil, stock: 7, for: seoul, at: now)
            #expect(restocked.onHand == 7 && restocked.netContent == serum.skus.first?.netContent && restocked.netContent != nil)
            #expect(try await service.products(of: pantry, limit: 50, offset: 0).allSatisfy { $0.id.hasPrefix("pp-") })
        }
    }

    @Test("a batch is all or nothing, and names the product and field at fault", arguments: StoreKind.allCases)
    func batch(kind: StoreKind) async throws {
        try await withMerchants(kind) { store, pantry, _ in
            let service = MerchantCatalogService(store: store, rates: RateService(store: store, maxAge: 3600))
            await #expect(throws: MerchantCatalogService.DraftRefused(
                index: 1, error: CatalogError(field: "skus[0].price", "must be greater than zero"))) {
                try await service.save([draft("pp-a"), draft("pp-b", price: "0"), draft("pp-c")], for: pantry, at: now)
            }
            let saved = try await CatalogService(store: store).product(id: "pp-a")
            #expect(saved == nil)
        }
    }

    @Test("a batch larger than one statement's chunk is still all or nothing", arguments: StoreKind.allCases)
    func chunkedBatch(kind: StoreKind) async throws {
        try await withMerchants(kind) { store, pantry, _ in
            let service = MerchantCatalogService(store: store, rates: RateService(store: store, maxAge: 3600))
            let many = (0..<1_200).map { draft("pp-many-\($0)") }
            try await service.save(many, for: pantry, at: now)
            let counted = try await store.read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM skus WHERE id LIKE 'pp-many-%'"))
            #expect(try counted.first?.integer("n") == 1_200)
            let found = try await CatalogSearch(store: store).search(ProductQuery(text: "枫糖浆", pageSize: 5))
            #expect(found.total == 1_000 && !found.totalIsExact, "counts stop at the limit")
            // The last product of the third chunk takes another store's id: nothing of the batch is written.
            var clash = (0..<1_200).map { draft("pp-more-\($0)") }
            clash[1_199] = draft("sd-serum")
            await #expect(throws: StoreError.self) { try await service.save(clash, for: pantry, at: now) }
            let none = try await store.read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM products WHERE id LIKE 'pp-more-%'"))
            #expect(try none.first?.integer("n") == 0)
        }
    }
}
