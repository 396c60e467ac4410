import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Services
import Storage
import TestSupport
import Testing
@testable import Web

/// The consoles (ops, merchants) hold sessions of their own, never the secret they signed in
/// with; signing out and revoking a key end them; every answer carries the browser headers.
@Suite("Console sessions and browser safety")
struct ConsoleSessionWebTests {
    @Test("ops sign in to a session whose cookie is not the ops token, and sign out of it")
    func opsSession() async throws {
        try await withTestApp(.sqlite) { client, _ in
            let (cookie, _) = try await client.signInToConsole("/ops/signin", key: opsToken)
            #expect(!cookie.contains(opsToken) && cookie.hasPrefix("ops=c_"))
            let ledger = try await client.execute(uri: "/ops/ledger", method: .get, headers: [.cookie: cookie])
            #expect(ledger.status == .ok && ledger.text.contains("action=\"/ops/signout\""))
            #expect(try await client.execute(uri: "/ops/ledger", method: .get, headers: [.cookie: "ops=\(opsToken)"]).status == .seeOther,
                    "the raw token in a cookie is no session")
            let out = try await client.execute(uri: "/ops/signout", method: .post, headers: [.cookie: cookie])
            #expect(out.status == .seeOther && out.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await client.execute(uri: "/ops/ledger", method: .get, headers: [.cookie: cookie]).status == .seeOther,
                    "signed out: the session is over")
        }
    }

    @Test("a revoked merchant key stops working for the API and ends the sessions opened with it")
    func revokedKey() async throws {
        try await withTestApp(.sqlite) { client, store in
            let keys = MerchantKeyService(store: store)
            let old = try await keys.issue(merchantID: "m-pacific-pantry", label: "old", at: Date())
            let new = try await keys.issue(merchantID: "m-pacific-pantry", label: "new", at: Date())
            let session = try await client.signInToConsole("/merchant/signin", key: old).cookie
            #expect(try await client.execute(uri: "/merchant/settlement", method: .get, headers: [.cookie: session]).status == .ok)
            let listed = try await client.get("/api/v1/merchant/keys", headers: [.authorization: "Bearer \(new)"]).json()
            let entries = try #require(listed["keys"] as? [[String: Any]])
            let listedText = String(decoding: try JSONSerialization.data(withJSONObject: listed), as: UTF8.self)
            #expect(entries.count == 2 && !listedText.contains(old), "keys are listed by id, never shown")
            let oldID = try #require(entries.first { $0["label"] as? String == "old" }?["id"] as? String)
            var headers: HTTPFields = [.authorization: "Bearer \(new)", .idempotencyKey: "revoke-1"]
            #expect(try await client.post("/api/v1/merchant/keys/\(oldID)/revoke", json: "{}", headers: headers).status == .ok)
            #expect(try await client.get("/api/v1/merchant/products", headers: [.authorization: "Bearer \(old)"]).status == .unauthorized)
            #expect(try await client.get("/api/v1/merchant/products", headers: [.authorization: "Bearer \(new)"]).status == .ok)
            #expect(try await client.execute(uri: "/merchant/settlement", method: .get, headers: [.cookie: session]).status == .seeOther)
            headers[.idempotencyKey] = "revoke-2"
            #expect(try await client.post("/api/v1/merchant/keys/\(oldID)/revoke", json: "{}", headers: headers).status == .notFound)
            let other = try await keys.issue(merchantID: "m-seoul-dew", label: "x", at: Date())
            let otherID = try #require((try await client.get("/api/v1/merchant/keys", headers: [.authorization: "Bearer \(other)"]).json()["keys"]
                as? [[String: Any]])?.first?["id"] as? String)
            headers[.idempotencyKey] = "revoke-3"
            #expect(try await client.post("/api/v1/merchant/keys/\(otherID)/revoke", json: "{}", headers: headers).status == .notFound,
                    "a merchant cannot revoke another's key")
        }
    }

    @Test("every answer keeps pages out of frames and types unsniffed; a cross-site POST is refused by its Origin")
    func browserHeaders() async throws {
        try await withTestApp(.sqlite) { client, _ in
            for path in ["/", "/healthz", "/no/such/page", "/api/v1/stores"] {
                let response = try await client.get(path)
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(path)")
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(path)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(path)")
            }
            let crossSite = try await client.post("/api/v1/sessions", json: #"{"email":"a@b.cn","password":"whatever it is"}"#,
                                                  headers: [.origin: "https://evil.example"])
            let field = try crossSite.json()["field"] as? String
            #expect(crossSite.status == .forbidden && field == "Origin")
        }
        #expect(BrowserGuard.hostOf(origin: "https://Shop.Example:8443") == "shop.example:8443")
        #expect(BrowserGuard.hostOf(origin: "null") == nil && BrowserGuard.hostOf(origin: "http://a/b") == nil)
    }
}
