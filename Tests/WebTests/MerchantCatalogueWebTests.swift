import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Services
import Storage
import TestSupport
import Testing

/// The merchant portal's catalogue editor and product photos.
@Suite("The merchant's catalogue in its portal")
struct MerchantCatalogueWebTests {
    func png(_ width: Int, _ height: Int) -> [UInt8] {
        func bytes(_ value: Int) -> [UInt8] { (0..<4).reversed().map { UInt8((value >> ($0 * 8)) & 0xFF) } }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + bytes(13) + Array("IHDR".utf8) + bytes(width) + bytes(height)
            + [8, 2, 0, 0, 0, 0, 0, 0, 0] + bytes(0) + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
    }

    func put(_ client: any TestClientProtocol, _ path: String, _ body: [UInt8], key: String, type: String, idempotency: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .put,
                                 headers: [.authorization: "Bearer \(key)", .contentType: type, .idempotencyKey: idempotency],
                                 body: ByteBuffer(bytes: body))
    }

    @Test("a photo at each size is checked by its bytes, kept, and shown; another merchant cannot touch it")
    func photos() async throws {
        try await withTestApp(.sqlite) { client, store in
            let key = try await MerchantKeyService(store: store).issue(merchantID: "m-seoul-dew", label: "t", at: Date())
            let other = try await MerchantKeyService(store: store).issue(merchantID: "m-pacific-pantry", label: "t", at: Date())
            let tile = try await put(client, "/api/v1/merchant/products/sd-serum/photos/tile", png(480, 480), key: key, type: "image/png", idempotency: "t1")
            #expect(tile.status == .ok, "\(tile.text)")
            let url = try #require(try tile.json()["url"] as? String)
            let served = try await client.get(url)
            #expect(served.status == .ok && served.headers[.contentType] == "image/png" && Array(buffer: served.body) == png(480, 480))
            // The page size was never sent: the page is served the tile, and the shop shows the photo, not the artwork.
            #expect(try await client.get("/images/photos/sd-serum/page").status == .ok)
            #expect(try await client.get("/products/sd-serum").text.contains("/images/photos/sd-serum/page?v="))
            #expect(try await client.get("/stores/seoul-dew").text.contains("/images/photos/sd-serum/tile?v="))

            let tooWide = try await put(client, "/api/v1/merchant/products/sd-serum/photos/tile", png(481, 300), key: key, type: "image/png", idempotency: "t2")
            #expect(tooWide.status == .unprocessableContent)
            let pdf = try await put(client, "/api/v1/merchant/products/sd-serum/photos/page", Array("%PDF-1.7\n%%EOF\n".utf8), key: key,
                                    type: "application/pdf", idempotency: "t3")
            #expect(pdf.status == .unprocessableContent)
            let big = try await put(client, "/api/v1/merchant/products/sd-serum/photos/tile", png(300, 300) + Array(repeating: 0, count: 300_000),
                                    key: key, type: "image/png", idempotency: "t4")
            #expect(big.status == .contentTooLarge)
            let theirs = try await put(client, "/api/v1/merchant/products/sd-serum/photos/tile", png(300, 300), key: other, type: "image/png", idempotency: "t5")
            #expect(theirs.status == .notFound)
            #expect(try await client.get("/images/photos/hv-runner/tile").status == .notFound, "no photo: the artwork stands")
        }
    }

    @Test("the catalogue form creates and edits a product; a refusal keeps what was typed and marks the field")
    func editor() async throws {
        try await withTestApp(.sqlite) { client, store in
            let key = try await MerchantKeyService(store: store).issue(merchantID: "m-pacific-pantry", label: "t", at: Date())
            let (cookie, _) = try await client.signInToConsole("/merchant/signin", key: key)
            let list = try await client.get("/merchant/products?lang=en", headers: [.cookie: cookie])
            #expect(list.status == .ok && list.text.contains("id=\"new-product\""))
            let form = try await client.get("/merchant/products/new", headers: [.cookie: cookie])
            let csrf = try #require(csrfField(form.text))
            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded", .acceptLanguage: "en"]
            func body(price: String, stock: String = "12") -> String {
                ["csrf": csrf, "id": "pp-honey", "nameEn": "Clover honey", "nameZh": "三叶草蜂蜜", "descriptionEn": "Raw, from Alberta", "descriptionZh": "阿尔伯塔生蜂蜜", "category": "food", "brand": "无品牌",
                 "hsCode": "040900", "originCountry": "ca", "shipsToChina": "on", "skus[0].id": "pp-honey-1", "skus[0].variantEn": "500 g",
                 "skus[0].variantZh": "500克", "skus[0].price": price, "skus[0].weightGrams": "650", "skus[0].stock": stock]
                    .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            }
            let refused = try await client.execute(uri: "/merchant/products/new", method: .post, headers: headers, body: ByteBuffer(string: body(price: "9.999")))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("id=\"skus[0].price-error\"") && refused.text.contains("value=\"Clover honey\""))
            let typo = try await client.execute(uri: "/merchant/products/new", method: .post, headers: headers,
                                                body: ByteBuffer(string: body(price: "9.99", stock: "ten")))
            #expect(typo.status == .unprocessableContent && typo.text.contains("id=\"skus[0].stock-error\""))
            let saved = try await client.execute(uri: "/merchant/products/new", method: .post, headers: headers, body: ByteBuffer(string: body(price: "9.99")))
            #expect(saved.status == .seeOther && saved.headers[.location] == "/merchant/products/pp-honey?saved=1")
            let product = try await client.get("/api/v1/merchant/products/pp-honey", headers: [.authorization: "Bearer \(key)"]).json()
            #expect((product["skus"] as? [[String: Any]])?.first?["onHand"] as? Int == 12)
            // Edited: the same form with a new stock; a second "new" with the id is refused, not a silent overwrite.
            let edited = try await client.execute(uri: "/merchant/products/pp-honey", method: .post, headers: headers,
                                                  body: ByteBuffer(string: body(price: "9.99", stock: "3")))
            #expect(edited.status == .seeOther)
            let again = try await client.execute(uri: "/merchant/products/new", method: .post, headers: headers, body: ByteBuffer(string: body(price: "9.99")))
            #expect(again.status == .unprocessableContent && again.text.contains("id=\"id-error\""))
            #expect(try await client.get("/merchant/products/pp-honey", headers: [.cookie: cookie]).text.contains("value=\"3\""))
            // Another merchant's product is not in this portal.
            #expect(try await client.get("/merchant/products/sd-serum", headers: [.cookie: cookie]).status == .notFound)
        }
    }
}
