import Commerce
import Foundation
import Money
import Services
import Storage
import TestSupport
import Testing

@Suite("Browsing and searching the catalogue")
struct CatalogSearchTests {
    func demo(_ kind: StoreKind, _ body: @escaping (CatalogSearch) async throws -> Void) async throws {
        try await withTestStore(kind) { store in
            try await DemoLoader.loadIfAbsent(into: store, at: Date())
            try await body(CatalogSearch(store: store))
        }
    }

    @Test("Chinese text finds a word inside a longer name: 坚果 in 加州坚果混合装", arguments: StoreKind.allCases)
    func chinese(kind: StoreKind) async throws {
        try await demo(kind) { search in
            let nuts = try await search.search(ProductQuery(text: "坚果"))
            #expect(Set(nuts.products.map(\.id)) == ["pp-nuts", "pp-almonds"], "the almonds are nuts by their HS heading (0802)")
            let serum = try await search.search(ProductQuery(text: "精华"))
            #expect(serum.products.map(\.id) == ["sd-serum"])
            let none = try await search.search(ProductQuery(text: "电脑"))
            #expect(none.products.isEmpty && none.total == 0)
        }
    }

    @Test("what customs calls the goods finds them in either language: nuts, 坚果, shoes, 手表", arguments: StoreKind.allCases)
    func byHeading(kind: StoreKind) async throws {
        try await demo(kind) { search in
            let nuts = Set(try await search.search(ProductQuery(text: "nuts")).products.map(\.id))
            #expect(nuts.isSuperset(of: ["pp-nuts", "pp-almonds"]) && !nuts.contains("pp-cranberries"))
            let shoes = try await search.search(ProductQuery(text: "鞋靴")).products.map(\.id)
            #expect(!shoes.isEmpty && shoes.allSatisfy { $0.hasPrefix("hv-") })
            let watches = try await search.search(ProductQuery(text: "手表")).products.map(\.id)
            #expect(!watches.isEmpty)
        }
    }

    @Test("English text, several words, any case", arguments: StoreKind.allCases)
    func english(kind: StoreKind) async throws {
        try await demo(kind) { search in
            #expect(try await search.search(ProductQuery(text: "Loafers")).products.map(\.id) == ["hv-loafer"])
            let watches = try await search.search(ProductQuery(text: "dress watch")).products.map(\.id)
            #expect(Set(watches) == ["hv-classic", "hv-croc"])
        }
    }

    @Test("filters by store and category; sorts by CNY price across currencies; pages", arguments: StoreKind.allCases)
    func browse(kind: StoreKind) async throws {
        try await demo(kind) { search in
            let store = try await search.search(ProductQuery(storeSlug: "seoul-dew"))
            #expect(store.total == 3 && store.products.allSatisfy { $0.category == "cosmetics" })
            let shoes = try await search.search(ProductQuery(category: "shoes"))
            #expect(Set(shoes.products.map(\.id)) == ["hv-runner", "hv-loafer"])
            let all = try await search.search(ProductQuery(sort: .priceAscending, pageSize: 100)).products
            let book = RateBook(rates: DemoRates.rates(asOf: Date()), maxAge: 3600)
            let cny = try all.map { product in
                try book.convert(try #require(product.skus.map(\.price).min { $0.minorUnits < $1.minorUnits }),
                                 to: .CNY, at: Date()).converted.minorUnits
            }
            #expect(cny == cny.sorted(), "ascending by CNY whatever the merchant's currency")
            let descending = try await search.search(ProductQuery(sort: .priceDescending, pageSize: 100)).products
            #expect(descending.map(\.id) == all.map(\.id).reversed())
            let first = try await search.search(ProductQuery(sort: .priceAscending, page: 1, pageSize: 4))
            let second = try await search.search(ProductQuery(sort: .priceAscending, page: 2, pageSize: 4))
            #expect(first.products.map(\.id) == Array(all.prefix(4).map(\.id)))
            #expect(second.products.map(\.id) == Array(all.dropFirst(4).prefix(4).map(\.id)))
            #expect(first.pageCount == (all.count + 3) / 4)
        }
    }
}

@Suite("Search that finds what people mean")
struct SearchSynonymSearchTests {
    @Test("坚果 and nuts find every nut and nothing else; cashew finds the mixed nuts that say 'cashews'; almond does not find the cashews",
          arguments: StoreKind.allCases)
    func demoWords(kind: StoreKind) async throws {
        try await CatalogSearchTests().demo(kind) { search in
            for word in ["坚果", "nuts", "nut"] {
                let found = Set(try await search.search(ProductQuery(text: word)).products.map(\.id))
                #expect(found == ["pp-nuts", "pp-almonds"], "\(word)")
            }
            #expect(try await search.search(ProductQuery(text: "cashew")).products.map(\.id) == ["pp-nuts"])
            #expect(Set(try await search.search(ProductQuery(text: "巴旦木")).products.map(\.id)) == ["pp-nuts", "pp-almonds"])
            #expect(try await search.search(ProductQuery(text: "加州坚果")).products.map(\.id) == ["pp-nuts"], "加州 still counts")
        }
    }

    @Test("the operator's edit changes the next search: a new group finds, a removed one no longer does", arguments: StoreKind.allCases)
    func operatorEdits(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            try await DemoLoader.loadIfAbsent(into: store, at: Date())
            let search = CatalogSearch(store: store)
            let synonyms = SearchSynonymService(store: store)
            #expect(try await search.search(ProductQuery(text: "craisins")).products.isEmpty)
            try await synonyms.save(SearchSynonyms.Group(id: "cranberry", terms: ["cranberry", "cranberries", "craisins", "蔓越莓"]), at: Date())
            #expect(try await search.search(ProductQuery(text: "craisins")).products.map(\.id) == ["pp-cranberries"])
            await #expect(throws: CatalogError.self) {
                try await synonyms.save(SearchSynonyms.Group(id: "berries", terms: ["craisins"]), at: Date())
            }
            try await synonyms.delete("cranberry")
            #expect(try await search.search(ProductQuery(text: "craisins")).products.isEmpty)
            #expect(try await synonyms.current().groups.map(\.id) == DemoSynonyms.groups.map(\.id).sorted())
        }
    }
}
