import Commerce
import Foundation
import HTTPTypes
import HummingbirdTesting
import Money
import NIOCore
import Services
import Storage
import TestSupport
import Testing
@testable import Web

@Suite("Catalogue over HTTP")
struct CatalogueWebTests {
    func merchantHeaders(_ key: String, idempotency: String? = nil) -> HTTPFields {
        var headers: HTTPFields = [.authorization: "Bearer \(key)"]
        if let idempotency { headers[.idempotencyKey] = idempotency }
        return headers
    }

    func issueKey(_ store: any Store, _ merchant: String) async throws -> String {
        try await MerchantKeyService(store: store).issue(merchantID: merchant, label: "test", at: Date())
    }

    let maple = #"{"id":"pp-maple","nameEn":"Maple syrup","nameZh":"枫糖浆","descriptionEn":"Grade A","descriptionZh":"A级","category":"food","brand":"Pacific Pantry","hsCode":"170220","originCountry":"CA","shipsToChina":true,"skus":[{"id":"pp-maple-1","variantEn":"1 l","variantZh":"1升","price":"12.50","weightGrams":1400,"stock":8}]}"#

    @Test("a merchant creates a product over the API; shoppers then find it in Chinese", arguments: StoreKind.allCases)
    func createAndFind(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, store in
            let key = try await issueKey(store, "m-pacific-pantry")
            let created = try await client.post("/api/v1/merchant/products", json: maple, headers: merchantHeaders(key, idempotency: "c1"))
            #expect(created.status == .created, "\(created.text)")
            let replay = try await client.post("/api/v1/merchant/products", json: maple, headers: merchantHeaders(key, idempotency: "c1"))
            #expect(replay.text == created.text)
            let found = try await client.get("/api/v1/products?q=%E6%9E%AB%E7%B3%96").json()  // 枫糖
            let products = found["products"] as? [[String: Any]] ?? []
            #expect(products.map { $0["id"] as? String } == ["pp-maple"])
            let sku = (products.first?["skus"] as? [[String: Any]])?.first
            let book = try await RateService(store: store, maxAge: 3600).book()
            let cny = try book.convert(Money(minorUnits: 1250, currency: .USD), to: .CNY, at: Date()).converted
            #expect((sku?["priceCNY"] as? [String: String])?["amount"] == cny.decimalText)
            #expect(sku?["onHand"] == nil, "the public API does not show stock levels beyond what is available")
        }
    }

    @Test("merchant A cannot read or change merchant B's products over the API")
    func isolation() async throws {
        try await withTestApp(.sqlite) { client, store in
            let pantry = try await issueKey(store, "m-pacific-pantry")
            let read = try await client.get("/api/v1/merchant/products/sd-serum", headers: merchantHeaders(pantry))
            #expect(read.status == .notFound)
            let patch = try await client.execute(uri: "/api/v1/merchant/skus/sd-serum-1", method: .patch,
                                                 headers: merchantHeaders(pantry, idempotency: "p1"),
                                                 body: .init(string: #"{"price":"1"}"#))
            #expect(patch.status == .notFound)
            let takeover = try await client.post("/api/v1/merchant/products",
                                                  json: maple.replacingOccurrences(of: "pp-maple", with: "sd-serum"),
                                                  headers: merchantHeaders(pantry, idempotency: "t1"))
            #expect(takeover.status == .conflict)
            let mine = try await client.get("/api/v1/merchant/products", headers: merchantHeaders(pantry)).json()
            let ids = (mine["products"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(!ids.isEmpty && ids.allSatisfy { $0.hasPrefix("pp-") })
            let anonymous = try await client.get("/api/v1/merchant/products")
            #expect(anonymous.status == .unauthorized)
            let forged = try await client.get("/api/v1/merchant/products", headers: merchantHeaders("mk_forged"))
            #expect(forged.status == .unauthorized)
        }
    }

    @Test("a CSV import is all or nothing and names the row and column at fault")
    func csvImport() async throws {
        try await withTestApp(.sqlite) { client, store in
            let key = try await issueKey(store, "m-pacific-pantry")
            let header = ProductCSV.columnsBeforeNetContent.joined(separator: ",")
            var headers = merchantHeaders(key, idempotency: "i1")
            headers[.contentType] = "text/csv"
            let bad = "\(header)\npp-x,X,甲,d,d,food,Pacific Pantry,200819,US,true,,,pp-x-1,v,v,1.00,100,1\npp-y,Y,乙,d,d,food,Pacific Pantry,200819,US,true,,,pp-y-1,v,v,1.001,100,1\n"
            let refused = try await client.execute(uri: "/api/v1/merchant/products/import", method: .post, headers: headers, body: .init(string: bad))
            #expect(refused.status == .badRequest)
            #expect(try refused.json()["field"] as? String == "row 3, column price")
            #expect(try await CatalogService(store: store).product(id: "pp-x") == nil)
            headers[.idempotencyKey] = "i2"
            let good = bad.replacingOccurrences(of: "1.001", with: "1.50")
            let imported = try await client.execute(uri: "/api/v1/merchant/products/import", method: .post, headers: headers, body: .init(string: good))
            #expect(imported.status == .ok, "\(imported.text)")
            #expect(try imported.json()["imported"] as? Int == 2)
        }
    }

    @Test("bad query parameters name the field")
    func badQuery() async throws {
        try await withTestApp(.sqlite) { client, store in
            for (query, field) in [("sort=cheap", "sort"), ("page=0", "page"), ("pageSize=1000", "pageSize"), ("sort=", "sort"),
                                   ("page=", "page"), ("pageSize=%20", "pageSize")] {
                let response = try await client.get("/api/v1/products?\(query)")
                #expect(response.status == .unprocessableContent, "\(query)")
                #expect(try response.json()["field"] as? String == field)
            }
            let key = try await issueKey(store, "m-pacific-pantry")
            for (query, field) in [("limit=0", "limit"), ("limit=201", "limit"), ("offset=-1", "offset"), ("limit=", "limit")] {
                let response = try await client.get("/api/v1/merchant/products?\(query)", headers: merchantHeaders(key))
                #expect(response.status == .unprocessableContent, "\(query)")
                #expect(try response.json()["field"] as? String == field)
            }
            let ops: HTTPFields = [.authorization: "Bearer \(opsToken)"]
            #expect(try await client.get("/api/v1/ops/declarations?status=", headers: ops).status == .unprocessableContent)
        }
    }

    @Test("store, product and search pages show the catalogue with CNY prices; text is escaped")
    func pages() async throws {
        try await withTestApp(.sqlite) { client, _ in
            let storePage = try await client.get("/stores/pacific-pantry?lang=en").text
            for product in try #require(DemoCatalog.entries.first { $0.storefront.slug == "pacific-pantry" }).products {
                #expect(storePage.contains("data-product-id=\"\(product.id)\""))
            }
            let detail = try await client.get("/products/hv-croc?lang=en")
            #expect(detail.status == .ok)
            #expect(detail.text.contains("data-cannot-ship=\"true\""))
            let search = try await client.get("/search?q=%E5%9D%9A%E6%9E%9C").text  // 坚果
            #expect(search.contains("data-product-id=\"pp-nuts\"") && search.contains("data-product-id=\"pp-almonds\"") && search.contains("data-total=\"2\""))
            let one = try await client.get("/search?q=%E7%B2%BE%E5%8D%8E&lang=en").text  // 精华: one serum
            #expect(one.contains(">1 result</p>"), "one result, not \"1 results\"")
            #expect(search.contains("class=\"store-name\""), "each result names its store")
            let hostile = try await client.get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").text
            #expect(!hostile.contains("<script>alert(1)") && hostile.contains("&lt;script&gt;"))
            #expect(try await client.get("/stores/nowhere").status == .notFound)
            #expect(try await client.get("/products/nothing").status == .notFound)
        }
    }

    @Test("a watch above the per-transaction limit says before the cart that it comes in at general-trade rates, and at which")
    func generalTradeNotice() async throws {
        try await withTestApp(.sqlite) { client, _ in
            for language in ["en", "zh-CN"] {
                let page = try await client.get("/products/hv-classic?lang=\(language)").text
                #expect(page.contains("data-general-trade=\"true\""), "\(language)")
                #expect(page.contains("11 %") || page.contains("11%"), "the tariff rate is named")
                #expect(page.contains("class=\"landed\""), "and the whole landed cost is shown")
            }
            let cheap = try await client.get("/products/sd-serum?lang=en").text
            #expect(!cheap.contains("data-general-trade"), "an item within the limit says nothing of it")
        }
    }
}
