import Foundation
import Commerce
import Money
import Testing

@Suite("Catalogue rules")
struct CatalogRulesTests {
    let valid = ProductDraft(
        id: "nuts-1", nameEn: "Mixed nuts", nameZh: "混合坚果", descriptionEn: "Salted.", descriptionZh: "微盐。", category: "food",
        brand: "Pantry", hsCode: "200819", originCountry: "US", shipsToChina: true,
        skus: [.init(id: "nuts-1-a", variantEn: "1 jar", variantZh: "1罐", price: "18.99", weightGrams: 1250, stock: 5)])

    @Test func acceptsAGoodDraft() throws {
        let product = try valid.validated(storefrontID: "s", currency: .USD)
        #expect(product.skus.first?.price == Money(minorUnits: 1899, currency: .USD))
    }

    @Test("each bad field is named")
    func badFields() {
        let cases: [(String, (inout ProductDraft) -> Void)] = [
            ("id", { $0.id = "Bad Id!" }), ("nameZh", { $0.nameZh = " " }), ("hsCode", { $0.hsCode = "2008" }),
            ("originCountry", { $0.originCountry = "usa" }),
            ("category", { $0.category = String(repeating: "x", count: 61) }),
            ("descriptionEn", { $0.descriptionEn = "bell \u{07}" }),
            ("skus", { $0.skus = [] }), ("artwork", { $0.artwork = "boat:#000000" }),
        ]
        for (field, change) in cases {
            var draft = valid
            change(&draft)
            #expect { try draft.validated(storefrontID: "s", currency: .USD) } throws: { ($0 as? CatalogError)?.field == field }
        }
    }

    @Test("prices follow the currency's digits; zero, negative stock and weight are refused")
    func skuRules() {
        for (price, stock, grams, field) in [("18.999", Int64(1), Int64(1), "skus[0].price"), ("0", 1, 1, "skus[0].price"),
                                             ("-1.00", 1, 1, "skus[0].price"), ("1.00", -1, 1, "skus[0].stock"),
                                             ("1.00", 1, 0, "skus[0].weightGrams")] {
            var draft = valid
            draft.skus[0].price = price
            draft.skus[0].stock = stock
            draft.skus[0].weightGrams = grams
            #expect({ () -> String? in
                do { _ = try draft.validated(storefrontID: "s", currency: .USD); return nil } catch { return (error as? CatalogError)?.field }
            }() == field, "\(price) \(stock) \(grams)")
        }
        var yen = valid
        yen.skus[0].price = "1500"
        #expect((try? yen.validated(storefrontID: "s", currency: .JPY))?.skus.first?.price.minorUnits == 1500)
    }

    @Test("a product that cannot ship must say why")
    func noShipReason() {
        var draft = valid
        draft.shipsToChina = false
        #expect { try draft.validated(storefrontID: "s", currency: .USD) } throws: { ($0 as? CatalogError)?.field == "noShipReasonEn" }
        draft.noShipReasonEn = "CITES permit needed"
        draft.noShipReasonZh = "需要CITES许可证"
        #expect((try? draft.validated(storefrontID: "s", currency: .USD))?.shipsToChina == false)
    }

    @Test("search tokens find Chinese words inside longer text and English words in any case")
    func tokens() {
        let document = Set(SearchTokens.document("加州坚果混合装 California Mixed-Nuts SPF50"))
        #expect(Set(SearchTokens.query("坚果")).isSubset(of: document))
        #expect(Set(SearchTokens.query("混合装")).isSubset(of: document))
        #expect(Set(SearchTokens.query("mixed nuts")).isSubset(of: document))
        #expect(Set(SearchTokens.query("CALIFORNIA")).isSubset(of: document))
        #expect(!Set(SearchTokens.query("坚混")).isSubset(of: document))
        #expect(SearchTokens.query("!!! ,,,").isEmpty)
    }
}

@Suite("Products from CSV")
struct ProductCSVTests {
    /// Most cases are written in the shape files had before `net_content`, which still imports.
    let header = ProductCSV.columnsBeforeNetContent.joined(separator: ",")

    @Test("a SKU's net content is read from its column, and a cosmetic without one is refused at save")
    func netContentColumn() throws {
        let full = ProductCSV.columns.joined(separator: ",")
        let parsed = try ProductCSV.parse("""
            \(full)
            serum,Serum,精华,d,d,cosmetics,B,330499,KR,yes,,,serum-1,50 ml,50毫升,38000,180,5,50 ml
            serum,,,,,,,,,,,,serum-2,7.5 g,7.5克,9000,40,5,7.5g
            mask,Mask,面膜,d,d,cosmetics,B,330499,KR,yes,,,mask-1,10 pcs,10片,20000,200,5,
            """)
        #expect(parsed.drafts[0].skus.map(\.netContent) == ["50 ml", "7.5g"])
        let saved = try parsed.drafts[0].validated(storefrontID: "s", currency: .KRW)
        #expect(saved.skus.map { $0.netContent?.description } == ["50 ml", "7.5 g"])
        #expect(throws: CatalogError.self) { try parsed.drafts[1].validated(storefrontID: "s", currency: .KRW) }
        do {
            _ = try parsed.drafts[1].validated(storefrontID: "s", currency: .KRW)
        } catch {
            #expect(parsed.locate(error, draft: 1).column == "net_content")
        }
    }

    @Test func groupsRowsIntoProducts() throws {
        let parsed = try ProductCSV.parse(#"""
            \#(header)
            nuts,"Nuts, mixed",坚果,"Almonds, ""cashews""",扁桃仁,food,Pantry,200819,US,true,,,nuts-1,1 jar,1罐,18.99,1250,5
            nuts,,,,,,,,,,,,nuts-2,2 jars,2罐,35.99,2500,3
            tea,Tea,茶,Green,绿茶,food,Leaf,090210,JP,no,Not allowed,不允许,tea-1,100 g,100克,9.00,120,10

            """#)
        #expect(parsed.drafts.map(\.id) == ["nuts", "tea"])
        #expect(parsed.drafts[0].nameEn == "Nuts, mixed")
        #expect(parsed.drafts[0].descriptionEn == "Almonds, \"cashews\"")
        #expect(parsed.drafts[0].skus.map(\.id) == ["nuts-1", "nuts-2"])
        #expect(parsed.drafts[1].shipsToChina == false)
        #expect(parsed.rows == [[2, 3], [4]])
        let refused = CatalogError(field: "skus[1].price", "must be greater than zero")
        let located = parsed.locate(refused, draft: 0)
        #expect(located.row == 3 && located.column == "price" && located.message == "must be greater than zero")
        #expect(parsed.locate(CatalogError(field: "hsCode", "x"), draft: 1).column == "hs_code")
    }

    @Test("malformed CSV names its row and column", arguments: [
        ("id,name\nx,y\n", 1, "header"),
        ("HEADER\nnuts,\"open\n", 2, "*"),
        ("HEADER\nnuts,a,b,c,d,e,f,g,US,maybe,,,n-1,v,v,1.00,1,1\n", 2, "ships_to_china"),
        ("HEADER\nnuts,a,b,c,d,e,f,g,US,yes,,,n-1,v,v,1.00,heavy,1\n", 2, "weight_grams"),
        ("HEADER\n,a,b,c,d,e,f,g,US,yes,,,n-1,v,v,1.00,1,1\n", 2, "id"),
        ("HEADER\nnuts,a,b,c,d,e,f,g,US,yes,,,n-1,v,v,1.00,1,1\nnuts,other,,,,,,,,,,,n-2,v,v,1.00,1,1\n", 3, "name_en"),
        ("HEADER\nnuts,a,b\n", 2, "*"),
    ])
    func malformed(text: String, row: Int, column: String) {
        let csv = text.replacingOccurrences(of: "HEADER", with: header)
        #expect { try ProductCSV.parse(csv) } throws: { error in
            guard let problem = error as? ProductCSV.Problem else { return false }
            return problem.row == row && problem.column == column
        }
    }

    func rows(product: String, count: Int) -> String {
        (1...count).map { "\(product),a,b,c,d,food,f,200819,US,yes,,,\(product)-\($0),v,v,1.00,1,1" }.joined(separator: "\n")
    }

    /// A product with more SKU rows than a product may have is refused at the first row too
    /// many, while the file is read, not after every row has been gathered.
    @Test("one SKU row too many for a product is refused at that row")
    func tooManySKUs() {
        let csv = header + "\n" + rows(product: "nuts", count: ProductDraft.maxSKUs + 50) + "\n"
        #expect { try ProductCSV.parse(csv) } throws: { error in
            guard let problem = error as? ProductCSV.Problem else { return false }
            return problem.row == ProductDraft.maxSKUs + 2 && problem.column == "sku_id"
        }
        let most = try? ProductCSV.parse(header + "\n" + rows(product: "nuts", count: ProductDraft.maxSKUs) + "\n")
        #expect(most?.drafts.first?.skus.count == ProductDraft.maxSKUs)
    }

    @Test("an import of more rows than one import takes is refused before any is read")
    func tooManyRows() {
        let products = (0...(ProductCSV.maxRows / ProductDraft.maxSKUs)).map { rows(product: "p\($0)", count: ProductDraft.maxSKUs) }
        let csv = header + "\n" + products.joined(separator: "\n") + "\n"
        #expect { try ProductCSV.parse(csv) } throws: { error in
            (error as? ProductCSV.Problem)?.row == ProductCSV.maxRows + 2
        }
    }
}
