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

@Suite("Buying over HTTP")
struct ShoppingWebTests {
    func json(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ body: String?,
              token: String? = nil, key: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let key { headers[.idempotencyKey] = key }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    @Test("sign up, add an address, fill the cart from two stores, quote and place two orders", arguments: StoreKind.allCases)
    func purchase(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, _ in
            let signUp = try await json(client, .post, "/api/v1/consumers", #"{"email":"li@example.cn","password":"a long passphrase"}"#, key: "u1")
            #expect(signUp.status == .created, "\(signUp.text)")
            let session = try await json(client, .post, "/api/v1/sessions", #"{"email":"li@example.cn","password":"a long passphrase"}"#)
            let token = try #require(try session.json()["token"] as? String)
            let address = try await json(client, .post, "/api/v1/me/addresses",
                                         #"{"province":"广东省","city":"深圳市","district":"南山区","street":"科技园路1号","recipient":"李雷","mobile":"13912345678"}"#,
                                         token: token, key: "a1")
            #expect(address.status == .created)
            #expect(try address.json()["mobile"] as? String == "139****5678")
            #expect(!address.text.contains("13912345678"))
            let addressID = try #require(try address.json()["id"] as? String)
            let noIdentity = try await json(client, .post, "/api/v1/me/quotes", #"{"addressId":"\#(addressID)"}"#, token: token, key: "q0")
            #expect(noIdentity.status == .unprocessableContent)
            #expect(try noIdentity.json()["field"] as? String == "identity")
            let identity = try await json(client, .put, "/api/v1/me/identity",
                                          #"{"name":"李雷","idNumber":"11010519491231002X","mobile":"13912345678"}"#, token: token)
            #expect(identity.status == .ok, "\(identity.text)")
            #expect(try identity.json()["idNumber"] as? String == "1101**********002X")
            #expect(try identity.json()["preApproved"] as? Bool == true)
            #expect(!identity.text.contains("11010519491231002X") && !identity.text.contains("李雷"))
            let badNumber = try await json(client, .put, "/api/v1/me/identity",
                                           #"{"name":"李雷","idNumber":"110105194912310021","mobile":"13912345678"}"#, token: token)
            #expect(badNumber.status == .unprocessableContent)
            #expect(try badNumber.json()["field"] as? String == "idNumber")
            _ = try await json(client, .put, "/api/v1/me/cart/lines/pp-nuts-1", #"{"quantity":2}"#, token: token)
            let cart = try await json(client, .put, "/api/v1/me/cart/lines/ba-wallet-1", #"{"quantity":1}"#, token: token)
            #expect((try cart.json()["lines"] as? [[String: Any]])?.count == 2)
            let quote = try await json(client, .post, "/api/v1/me/quotes", #"{"addressId":"\#(addressID)"}"#, token: token, key: "q1")
            #expect(quote.status == .created, "\(quote.text)")
            let quoteBody = try quote.json()
            let quoteID = try #require(quoteBody["id"] as? String)
            #expect((quoteBody["parcels"] as? [[String: Any]])?.count == 2)
            let estimates = (quoteBody["parcels"] as? [[String: Any]] ?? []).compactMap { $0["deliveryEstimate"] as? [String: Any] }
            #expect(estimates.count == 2 && estimates.allSatisfy { ($0["earliestDay"] as? String ?? "~") <= ($0["latestDay"] as? String ?? "") },
                    "each parcel has its delivery window")
            let placed = try await json(client, .post, "/api/v1/me/orders", #"{"quoteId":"\#(quoteID)"}"#, token: token, key: "o1")
            #expect(placed.status == .created, "\(placed.text)")
            let replay = try await json(client, .post, "/api/v1/me/orders", #"{"quoteId":"\#(quoteID)"}"#, token: token, key: "o1")
            #expect(replay.text == placed.text)
            let orders = try await json(client, .get, "/api/v1/me/orders", nil, token: token).json()["orders"] as? [[String: Any]] ?? []
            let allowance = try await json(client, .get, "/api/v1/me/identity", nil, token: token).json()["allowance"] as? [String: Any]
            #expect((allowance?["used"] as? [String: String])?["amount"] != "0.00")
            #expect(orders.count == 2)
            let total = (quoteBody["total"] as? [String: String])?["amount"]
            #expect((try placed.json()["total"] as? [String: String])?["amount"] == total)
            let first = try #require(orders.first?["id"] as? String)
            let cancelled = try await json(client, .post, "/api/v1/me/orders/\(first)/cancel", nil, token: token, key: "c1")
            #expect(cancelled.status == .ok)
            let again = try await json(client, .post, "/api/v1/me/orders/\(first)/cancel", nil, token: token, key: "c2")
            #expect(again.status == .conflict)
        }
    }

    @Test("wrong passwords are refused, and after five the address is locked out for a while")
    func signInLimit() async throws {
        try await withTestApp(.sqlite) { client, _ in
            _ = try await json(client, .post, "/api/v1/consumers", #"{"email":"wu@example.cn","password":"a long passphrase"}"#, key: "u2")
            for _ in 0..<5 {
                let wrong = try await json(client, .post, "/api/v1/sessions", #"{"email":"wu@example.cn","password":"not the one!"}"#)
                #expect(wrong.status == .unauthorized)
            }
            let locked = try await json(client, .post, "/api/v1/sessions", #"{"email":"wu@example.cn","password":"a long passphrase"}"#)
            #expect(locked.status == .tooManyRequests)
            let retryAfter = try #require(locked.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...900).contains(retryAfter), "Retry-After says when")
            #expect(try locked.json()["retryAfter"] as? Int == retryAfter)
        }
    }

    /// Each variant is the same address: spaces, a tab, capitals, a zero-width space or joiner,
    /// a BOM, full-width letters (written as JSON escapes in the bodies). None gets guesses of its own.
    @Test("the lock-out counts every way of writing one address as that address")
    func signInLimitVariants() async throws {
        try await withTestApp(.sqlite) { client, _ in
            _ = try await json(client, .post, "/api/v1/consumers", #"{"email":"li@example.cn","password":"a long passphrase"}"#, key: "u3")
            let variants = [" li@example.cn", "li@example.cn\\t", "LI@Example.CN", "li\\u200b@example.cn", "\\ufeffli@example.cn",
                            "ｌｉ@example.cn", "li@exam\\u200dple.cn"]
            for variant in variants.prefix(5) {
                let wrong = try await json(client, .post, "/api/v1/sessions", #"{"email":"\#(variant)","password":"not the one!"}"#)
                #expect(wrong.status == .unauthorized, "\(variant)")
            }
            for variant in variants {
                let locked = try await json(client, .post, "/api/v1/sessions", #"{"email":"\#(variant)","password":"a long passphrase"}"#)
                #expect(locked.status == .tooManyRequests, "\(variant) got guesses of its own")
            }
        }
    }

    @Test("bad sign-ups and addresses name the field", arguments: [
        ("/api/v1/consumers", #"{"email":"not-an-email","password":"a long passphrase"}"#, "email"),
        ("/api/v1/consumers", #"{"email":"x@example.cn","password":"short"}"#, "password"),
    ])
    func badInput(uri: String, body: String, field: String) async throws {
        try await withTestApp(.sqlite) { client, _ in
            let response = try await json(client, .post, uri, body, key: "k")
            #expect(response.status == .unprocessableContent)
            #expect(try response.json()["field"] as? String == field)
        }
    }

    @Test("form posts without the CSRF token are refused; pages that need an account send you to sign in")
    func csrfAndSignIn() async throws {
        try await withTestApp(.sqlite) { client, _ in
            let forged = try await client.execute(uri: "/account/signup", method: .post,
                                                  headers: [.contentType: "application/x-www-form-urlencoded"],
                                                  body: ByteBuffer(string: "email=a%40b.cn&password=a+long+passphrase"))
            #expect(forged.status == .forbidden)
            let cart = try await client.get("/cart")
            #expect(cart.status == .seeOther)
            #expect(cart.headers[.location] == "/account/signin?next=/cart")
            let form = try await client.get("/account/signup")
            let cookie = try #require(form.headers[.setCookie])
            #expect(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            let anonymous = try #require(cookieValue(cookie, "csrf"))
            let token = try #require(csrfField(form.text))
            #expect(token != anonymous, "the form carries an HMAC of the cookie, not the cookie")
            // Cookie tossing: a value the attacker chose, in the cookie and the field alike, is refused.
            let tossed = String(repeating: "a", count: 43)
            let forgedPair = try await client.execute(uri: "/account/signup", method: .post,
                                                      headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "csrf=\(tossed)"],
                                                      body: ByteBuffer(string: "csrf=\(tossed)&email=a%40b.cn&password=a+long+passphrase"))
            #expect(forgedPair.status == .forbidden)
            let crossSite = try await client.execute(uri: "/account/signup", method: .post,
                                                     headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "csrf=\(anonymous)",
                                                               .origin: "https://evil.example"],
                                                     body: ByteBuffer(string: "csrf=\(token)&email=a%40b.cn&password=a+long+passphrase"))
            #expect(crossSite.status == .forbidden, "another site's Origin is refused even with a good token")
            let signedUp = try await client.execute(uri: "/account/signup", method: .post,
                                                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "csrf=\(anonymous)"],
                                                    body: ByteBuffer(string: "csrf=\(token)&email=a%40b.cn&password=a+long+passphrase&next=%2Fcart"))
            #expect(signedUp.status == .seeOther)
            #expect(signedUp.headers[.location] == "/cart")
            let session = try #require(signedUp.headers[.setCookie])
            #expect(session.hasPrefix("session=s_") && session.contains("Secure") && session.contains("HttpOnly"))
        }
    }
}
