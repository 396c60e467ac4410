import Commerce
import Foundation
import HTTPTypes
import HummingbirdTesting
import Money
import Services
import Storage
import TestSupport
import Testing
@testable import Web

@Suite("Pages")
struct PageTests {
    @Test("the home page lists every demo store, in Chinese by default and in English when asked",
          arguments: StoreKind.allCases)
    func homeInBothLanguages(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, _ in
            let chinese = try await client.get("/")
            #expect(chinese.status == .ok)
            #expect(chinese.text.contains("<html lang=\"zh-CN\">"))
            let english = try await client.get("/", headers: [.acceptLanguage: "en-GB,en;q=0.9"])
            #expect(english.text.contains("<html lang=\"en\">"))
            for entry in DemoCatalog.entries {
                #expect(chinese.text.contains(escapeHTML(entry.storefront.name.zh)), "\(entry.storefront.slug)")
                #expect(english.text.contains(escapeHTML(entry.storefront.name.en)), "\(entry.storefront.slug)")
                #expect(chinese.text.contains("data-store-slug=\"\(entry.storefront.slug)\""))
            }
        }
    }

    @Test("?lang= switches the language and a cookie remembers it")
    func languageSwitch() async throws {
        try await withTestApp(.sqlite) { client, _ in
            let switched = try await client.get("/?lang=en")
            #expect(switched.text.contains("<html lang=\"en\">"))
            let cookie = try #require(Self.cookies(switched).first { $0.hasPrefix("lang=") })
            #expect(cookie.hasPrefix("lang=en"))
            #expect(cookie.contains("HttpOnly"))
            let remembered = try await client.get("/", headers: [.cookie: "lang=en", .acceptLanguage: "zh-CN"])
            #expect(remembered.text.contains("<html lang=\"en\">"))
        }
    }

    /// Each cookie the answer sets (the test client joins the header's fields with ", ").
    static func cookies(_ response: TestResponse) -> [String] {
        response.headers[values: .setCookie].flatMap { $0.components(separatedBy: ", ") }
    }

    @Test("a browser's first page gives it a device identifier, kept after; the API sets none")
    func deviceCookie() async throws {
        try await withTestApp(.sqlite) { client, _ in
            let first = try await client.get("/")
            let device = try #require(Self.cookies(first).first { $0.hasPrefix("cb_device=") })
            #expect(device.contains("HttpOnly") && device.contains("SameSite=Lax"))
            let value = String(device.dropFirst("cb_device=".count).prefix { $0 != ";" })
            let again = try await client.get("/", headers: [.cookie: "cb_device=\(value)"])
            #expect(!Self.cookies(again).contains { $0.hasPrefix("cb_device=") })
            let api = try await client.get("/api/v1/stores")
            #expect(!Self.cookies(api).contains { $0.hasPrefix("cb_device=") })
        }
    }

    @Test("prices are shown in CNY at the current rate, converted by the money rules")
    func cnyPrices() async throws {
        try await withTestApp(.sqlite) { client, store in
            let page = try await client.get("/").text
            let book = try await RateService(store: store, maxAge: 3600).book()
            for entry in DemoCatalog.entries {
                for product in entry.products.prefix(3) where product.shipsToChina {
                    let cheapest = try #require(product.skus.map(\.price).min { $0.minorUnits < $1.minorUnits })
                    let cny = try book.convert(cheapest, to: .CNY, at: Date()).converted
                    #expect(page.contains("data-cny-minor=\"\(cny.minorUnits)\""), "\(product.id)")
                    #expect(page.contains(escapeHTML(cny.formatted(.zhCN))), "\(product.id)")
                }
            }
        }
    }

    @Test("a product that cannot ship to China says so instead of offering a price")
    func cannotShip() async throws {
        try await withTestApp(.sqlite) { client, _ in
            let page = try await client.get("/?lang=en").text
            let blocked = try #require(DemoCatalog.entries.flatMap(\.products).first { !$0.shipsToChina })
            let tile = try #require(page.components(separatedBy: "data-product-id=\"\(blocked.id)\"").dropFirst().first)
            let end = tile.range(of: "</li>").map { tile[..<$0.lowerBound] } ?? Substring(tile)
            #expect(end.contains("Cannot ship to China"))
            #expect(!end.contains("data-cny-minor"))
        }
    }

    @Test("merchant text is escaped on the page")
    func escaping() async throws {
        try await withTestApp(.sqlite) { client, store in
            try await store.apply([
                .write(SQL("INSERT INTO merchants (id, name_en, name_zh, country, currency, kind, created_at) VALUES ('m-x', 'X', 'X', 'US', 'USD', 'brand', 0)")),
                .write(SQL("INSERT INTO stores (id, merchant_id, slug, name_en, name_zh, tagline_en, tagline_zh, created_at) VALUES ('s-x', 'm-x', 'x', ?, ?, 't', 't', 0)",
                           bind: "<script>alert(1)</script>", "<img src=x onerror=alert(1)>")),
            ])
            let page = try await client.get("/").text
            #expect(!page.contains("<script>alert(1)"))
            #expect(!page.contains("<img src=x"))
            #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        }
    }

    @Test("product pictures are SVG drawn by the server; an unknown one is a 404 page")
    func pictures() async throws {
        try await withTestApp(.sqlite) { client, _ in
            let product = try #require(DemoCatalog.entries.first?.products.first)
            let svg = try await client.get("/images/products/\(product.id).svg")
            #expect(svg.status == .ok)
            #expect(svg.headers[.contentType] == "image/svg+xml")
            #expect(svg.text.hasPrefix("<svg") && svg.text.contains(product.artwork.color))
            let missing = try await client.get("/images/products/nothing.svg")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType]?.hasPrefix("text/html") == true)
        }
    }

    @Test("an unknown page is an HTML 404 in the visitor's language")
    func notFoundPage() async throws {
        try await withTestApp(.sqlite) { client, _ in
            let page = try await client.get("/no/such/page", headers: [.acceptLanguage: "zh-CN"])
            #expect(page.status == .notFound)
            #expect(page.text.contains("页面不存在"))
        }
    }

    @Test("an error page says what happened in the reader's language and leads back where they came from, never elsewhere")
    func errorPageWayBack() async throws {
        try await withTestApp(.sqlite) { client, _ in
            let page = try await client.get("/products/nothing?lang=zh-CN", headers: [.referer: "http://localhost/search?q=%E5%9D%9A%E6%9E%9C"])
            #expect(page.status == .notFound && page.text.contains("页面不存在"))
            #expect(page.text.contains("id=\"error-back\"") && page.text.contains("href=\"/search?q=%E5%9D%9A%E6%9E%9C\""))
            let elsewhere = try await client.get("/products/nothing", headers: [.referer: "https://evil.example/phish"])
            #expect(!elsewhere.text.contains("error-back") && !elsewhere.text.contains("evil.example"))
        }
    }
}
