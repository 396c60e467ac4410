import ArgumentParser
import Commerce
import Foundation
import Money
import Services
import Storage
import Web

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the platform on this machine; results go to docs/PERFORMANCE.md by hand.",
        subcommands: [BenchCatalogue.self, BenchLedger.self, BenchEstimates.self, BenchCheckout.self, BenchRisk.self])
}

/// Fills a catalogue to `--skus` SKUs through the merchant import path, timing a 10,000-product
/// CSV import on the way, then times search, store and category pages (query and render) and,
/// as the ceiling of the same run, a trivial query through the same store.
struct BenchCatalogue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "catalogue", abstract: "Catalogue size, import and browse latency.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "How many SKUs to fill the catalogue with (two per product).")
    var skus = 1_000_000

    @Option(help: "How many pages of each kind to time.")
    var samples = 200

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run() async throws {
        let results = try await database.withOpenStore(logger: Logs.make("crossborder.bench")) { store in
            try await store.migrate()
            try await DemoLoader.loadIfAbsent(into: store, at: Date())
            let rates = RateService(store: store, maxAge: .infinity)
            let keys = MerchantKeyService(store: store)
            guard let merchant = try await keys.merchant(forKey: try await keys.issue(merchantID: "m-pacific-pantry", label: "bench", at: Date()))
            else { throw CommandFailure("the demo merchant is missing") }
            let catalog = MerchantCatalogService(store: store, rates: rates)
            var results: [String: Double] = [:]

            let csv = SyntheticCatalogue.csv(products: 10_000, startingAt: 0)
            let importStart = ContinuousClock.now
            let parsed = try ProductCSV.parse(csv)
            try await catalog.save(parsed.drafts, for: merchant, at: Date())
            let imported = importStart.secondsElapsed
            results["import_10000_products_seconds"] = imported
            Console.error("imported 10,000 products from CSV in \(String(format: "%.2f", imported)) s")

            // A catalogue filled by an earlier run is reused: only what is missing is added.
            let existing = try await store.read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM skus WHERE id LIKE 'bench-%'"))
            var made = max(20_000, Int(try existing.first?.integer("n") ?? 0))
            let fillStart = ContinuousClock.now
            while made < skus {
                let drafts = SyntheticCatalogue.drafts(count: 2_500, startingAt: made / 2)
                try await catalog.save(drafts, for: merchant, at: Date())
                made += drafts.count * 2
                if made % 100_000 == 0 { Console.error("\(made) SKUs (\(Int(fillStart.secondsElapsed)) s)") }
            }
            results["fill_seconds"] = fillStart.secondsElapsed
            results["skus"] = Double(made)

            let search = CatalogSearch(store: store)
            let book = try await rates.book()
            var random = SystemRandomNumberGenerator()
            func time(_ body: () async throws -> Void) async throws -> [Double] {
                var samples: [Double] = []
                for _ in 0..<self.samples {
                    let start = ContinuousClock.now
                    try await body()
                    samples.append(start.secondsElapsed * 1000)
                }
                return samples.sorted()
            }
            let kinds: [(String, () async throws -> Void)] = [
                ("search", {
                    let word = SyntheticCatalogue.queries.randomElement(using: &random) ?? "nuts"
                    let page = try await search.search(ProductQuery(text: word))
                    _ = SearchPage.render(page, rates: book, now: Date(), language: .zhCN)
                }),
                ("store_by_price", {
                    let page = try await search.search(ProductQuery(storeSlug: "pacific-pantry", sort: .priceAscending,
                                                                    page: Int.random(in: 1...50, using: &random)))
                    _ = SearchPage.render(page, rates: book, now: Date(), language: .en)
                }),
                ("category_newest", {
                    let category = SyntheticCatalogue.categories.randomElement(using: &random) ?? "food"
                    let page = try await search.search(ProductQuery(category: category, sort: .newest))
                    _ = SearchPage.render(page, rates: book, now: Date(), language: .zhCN)
                }),
                ("ceiling_select_1", { _ = try await store.read(SQL("SELECT 1 AS one")) }),
            ]
            for (name, body) in kinds {
                let latencies = try await time(body)
                results["\(name)_p50_ms"] = latencies[latencies.count / 2]
                results["\(name)_p95_ms"] = latencies[latencies.count * 95 / 100]
                results["\(name)_p99_ms"] = latencies[min(latencies.count - 1, latencies.count * 99 / 100)]
            }
            return results
        }
        try BenchReport.print(results, json: json)
    }
}

/// A benchmark's figures, as a table or as JSON.
enum BenchReport {
    static func print(_ results: [String: Double], json: Bool) throws {
        if json {
            let data = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys, .prettyPrinted])
            Console.line(String(decoding: data, as: UTF8.self))
        } else {
            for (key, value) in results.sorted(by: { $0.key < $1.key }) { Console.line("\(key)\t\(String(format: "%.2f", value))") }
        }
    }
}

/// Products that read like a warehouse club's: adjectives, foods and packs in both languages.
enum SyntheticCatalogue {
    static let adjectives = [("Organic", "有机"), ("Roasted", "烘焙"), ("Salted", "盐焗"), ("Honey", "蜂蜜"), ("Dark", "黑"),
                             ("Family", "家庭装"), ("Classic", "经典"), ("Premium", "精选"), ("Mixed", "混合"), ("Dried", "干")]
    static let nouns = [("almonds", "杏仁"), ("cashews", "腰果"), ("walnuts", "核桃"), ("pistachios", "开心果"), ("pecans", "碧根果"),
                        ("cranberries", "蔓越莓"), ("blueberries", "蓝莓"), ("chocolate", "巧克力"), ("coffee", "咖啡"), ("oats", "燕麦"),
                        ("honey", "蜂蜜"), ("olive oil", "橄榄油"), ("vitamins", "维生素"), ("protein bars", "蛋白棒"), ("tea", "茶")]
    static let categories = ["food", "snacks", "health", "drinks", "pantry"]
    static let queries = ["坚果", "杏仁", "巧克力", "咖啡", "有机", "蓝莓", "almonds", "chocolate", "organic coffee", "honey", "tea", "蛋白棒"]

    static func drafts(count: Int, startingAt first: Int) -> [ProductDraft] {
        (first..<(first + count)).map { n in
            let adjective = adjectives[n % adjectives.count]
            let noun = nouns[(n / adjectives.count) % nouns.count]
            let grams = 200 + (n % 9) * 100
            return ProductDraft(
                id: "bench-\(n)", nameEn: "\(adjective.0) \(noun.0) \(grams) g", nameZh: "\(adjective.1)\(noun.1) \(grams)克",
                descriptionEn: "Warehouse-club pack number \(n).", descriptionZh: "仓储会员店装，编号\(n)。",
                category: categories[n % categories.count], brand: "Pacific Pantry", hsCode: "200819", originCountry: "US",
                shipsToChina: true, skus: [
                    .init(id: "bench-\(n)-a", variantEn: "1 pack", variantZh: "1袋", price: price(n), weightGrams: Int64(grams), stock: 100),
                    .init(id: "bench-\(n)-b", variantEn: "2 packs", variantZh: "2袋", price: price(n * 2 + 1), weightGrams: Int64(grams * 2), stock: 50),
                ])
        }
    }

    static func price(_ n: Int) -> String { "\(5 + n % 60).\(String(format: "%02d", (n * 37) % 100))" }

    static func csv(products: Int, startingAt first: Int) -> String {
        var lines = [ProductCSV.columns.joined(separator: ",")]
        for draft in drafts(count: products, startingAt: 1_000_000 + first) {
            for sku in draft.skus {
                lines.append([draft.id, draft.nameEn, draft.nameZh, draft.descriptionEn, draft.descriptionZh, draft.category,
                              draft.brand, draft.hsCode, draft.originCountry, "true", "", "", sku.id, sku.variantEn, sku.variantZh,
                              sku.price, String(sku.weightGrams), String(sku.stock), sku.netContent ?? ""].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
