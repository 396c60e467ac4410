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

@Suite("Paying over HTTP")
struct PaymentsWebTests {
    let shop = ShoppingWebTests()

    /// A signed-in, verified buyer with one address.
    func verifiedBuyer(_ client: any TestClientProtocol) async throws -> (token: String, addressID: String) {
        _ = try await shop.json(client, .post, "/api/v1/consumers", #"{"email":"pay@example.cn","password":"a long passphrase"}"#, key: "u1")
        let session = try await shop.json(client, .post, "/api/v1/sessions", #"{"email":"pay@example.cn","password":"a long passphrase"}"#)
        let token = try #require(try session.json()["token"] as? String)
        let address = try await shop.json(client, .post, "/api/v1/me/addresses",
                                          #"{"province":"广东省","city":"深圳市","district":"南山区","street":"科技园路1号","recipient":"李雷","mobile":"13912345678"}"#,
                                          token: token, key: "a1")
        let addressID = try #require(try address.json()["id"] as? String)
        _ = try await shop.json(client, .put, "/api/v1/me/identity", #"{"name":"李雷","idNumber":"11010519491231002X","mobile":"13912345678"}"#, token: token)
        return (token, addressID)
    }

    /// A signed-in, verified buyer with one placed order group of one order.
    func placedGroup(_ client: any TestClientProtocol) async throws -> (token: String, groupID: String, orderID: String) {
        let (token, addressID) = try await verifiedBuyer(client)
        _ = try await shop.json(client, .put, "/api/v1/me/cart/lines/hv-loafer-1", #"{"quantity":1}"#, token: token)
        let quote = try await shop.json(client, .post, "/api/v1/me/quotes", #"{"addressId":"\#(addressID)"}"#, token: token, key: "q1")
        let quoteID = try #require(try quote.json()["id"] as? String)
        let placed = try await shop.json(client, .post, "/api/v1/me/orders", #"{"quoteId":"\#(quoteID)"}"#, token: token, key: "o1")
        let body = try placed.json()
        return (token, try #require(body["groupId"] as? String), try #require((body["orderIds"] as? [String])?.first))
    }

    @Test("buy now: one call places and pays the order, a replay answers the same, bad input names its field", arguments: StoreKind.allCases)
    func buyNow(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, store in
            let (token, addressID) = try await verifiedBuyer(client)
            let body = #"{"skuId":"hv-loafer-1","quantity":1,"addressId":"\#(addressID)","channel":"bank"}"#
            let bought = try await shop.json(client, .post, "/api/v1/me/buy-now", body, token: token, key: "b1")
            #expect(bought.status == .created, "\(bought.text)")
            let document = try bought.json()
            let orderID = try #require((document["orderIds"] as? [String])?.first)
            #expect((document["payment"] as? [String: Any])?["status"] as? String == "succeeded")
            let order = try await shop.json(client, .get, "/api/v1/me/orders/\(orderID)", nil, token: token)
            #expect(try order.json()["status"] as? String == "paid")
            let replay = try await shop.json(client, .post, "/api/v1/me/buy-now", body, token: token, key: "b1")
            #expect(replay.text == bought.text)
            let orders = try await shop.json(client, .get, "/api/v1/me/orders", nil, token: token).json()["orders"] as? [[String: Any]]
            #expect(orders?.count == 1, "the replay placed nothing more")
            let zero = try await shop.json(client, .post, "/api/v1/me/buy-now",
                                           #"{"skuId":"hv-loafer-1","quantity":0,"addressId":"\#(addressID)"}"#, token: token, key: "b2")
            let zeroField = try zero.json()["field"] as? String
            #expect(zero.status.code / 100 == 4 && zeroField == "quantity", "\(zero.text)")
            let unknown = try await shop.json(client, .post, "/api/v1/me/buy-now",
                                              #"{"skuId":"no-such-sku","addressId":"\#(addressID)"}"#, token: token, key: "b3")
            #expect(unknown.status.code / 100 == 4 && unknown.status != .internalServerError, "\(unknown.text)")
            let missing = try await shop.json(client, .post, "/api/v1/me/buy-now", #"{"quantity":1}"#, token: token, key: "b4")
            #expect(missing.status.code / 100 == 4, "\(missing.text)")
        }
    }

    @Test("ops' order page: the console around it, the risk hold and the buyer one click away, a refund made once however often the form is sent; buy now's origin refused with its field")
    func opsOrderPage() async throws {
        try await withTestApp(.sqlite) { client, store in
            let (token, addressID) = try await verifiedBuyer(client)
            func buy(_ extra: String, key: String, headers: HTTPFields = [:]) async throws -> TestResponse {
                var all: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(token)", .idempotencyKey: key]
                for field in headers { all.append(field) }
                return try await client.execute(uri: "/api/v1/me/buy-now", method: .post, headers: all,
                                                body: ByteBuffer(string: #"{"skuId":"hv-loafer-1","addressId":"\#(addressID)","channel":"bank"\#(extra)}"#))
            }
            let device = HTTPField.Name("X-Device-ID")!  // safe: a literal, valid header name
            let badDevice = try await buy("", key: "d1", headers: [device: "no spaces allowed"])
            let badDeviceField = try badDevice.json()["field"] as? String
            #expect(badDevice.status == .badRequest && badDeviceField == "X-Device-ID")
            let badPayer = try await buy(#","payerAccount":"""#, key: "d2")
            let badPayerField = try badPayer.json()["field"] as? String
            #expect(badPayer.status == .unprocessableContent && badPayerField == "payerAccount")
            let bought = try await buy(#","payerAccount":"alipay-2088-0001""#, key: "d3", headers: [device: "app-install-0001"])
            let orderID = try #require((try bought.json()["orderIds"] as? [String])?.first)
            let observed = try await store.read(SQL("SELECT device, payer FROM risk_observations WHERE order_id = ?", bind: orderID))
            #expect(observed.count == 1)
            let storedDevice = try observed.first?.optionalText("device")
            #expect(storedDevice != nil && storedDevice != "app-install-0001", "kept as a fingerprint")

            let (cookie, _) = try await client.signInToConsole("/ops/signin", key: opsToken)
            let page = try await client.get("/ops/orders/\(orderID)?lang=zh-CN", headers: [.cookie: cookie])
            #expect(page.text.contains("<nav class=\"ops-menu\"") && page.text.contains("class=\"stacked ops-refund\""))
            #expect(page.text.contains("/ops/find?q="), "the buyer one click away")
            let csrf = try #require(csrfField(page.text))
            let refundID = try #require(page.text.components(separatedBy: "name=\"refundId\" value=\"").dropFirst().first?.prefix { $0 != "\"" })
            func refund(_ amount: String) async throws -> TestResponse {
                try await client.execute(uri: "/ops/orders/\(orderID)/refund", method: .post,
                                         headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                                         body: ByteBuffer(string: "csrf=\(csrf)&refundId=\(refundID)&amount=\(amount)&reason=damaged"))
            }
            #expect(try await refund("ten").status == .unprocessableContent)
            #expect(try await refund("10.00").status == .seeOther)
            #expect(try await refund("10.00").status == .seeOther)
            let refunds = try await store.read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM refunds WHERE order_id = ?", bind: orderID))
            #expect(try refunds.first?.integer("n") == 1, "the form sent twice is one refund")
        }
    }

    @Test("pay, replay, refuse bad input with the field at fault, refund, release, and see it on the pages", arguments: StoreKind.allCases)
    func payment(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, store in
            let (token, group, order) = try await placedGroup(client)
            let path = "/api/v1/me/order-groups/\(group)/payments"
            let noKey = try await shop.json(client, .post, path, #"{"channel":"bank"}"#, token: token)
            let noKeyField = try noKey.json()["field"] as? String
            #expect(noKey.status == .badRequest && noKeyField == "Idempotency-Key")
            let cash = try await shop.json(client, .post, path, #"{"channel":"cash"}"#, token: token, key: "p0")
            let cashField = try cash.json()["field"] as? String
            #expect(cash.status == .unprocessableContent && cashField == "channel")
            let paid = try await shop.json(client, .post, path, #"{"channel":"bank"}"#, token: token, key: "p1")
            #expect(paid.status == .created, "\(paid.text)")
            #expect(try paid.json()["status"] as? String == "succeeded")
            let replay = try await shop.json(client, .post, path, #"{"channel":"bank"}"#, token: token, key: "p1")
            #expect(replay.text == paid.text && replay.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            let reused = try await shop.json(client, .post, path, #"{"channel":"partner"}"#, token: token, key: "p1")
            #expect(reused.status == .unprocessableContent)

            let unsigned = try await client.execute(uri: "/api/v1/payments/callbacks/partner", method: .post,
                                                    headers: [HTTPField.Name.callbackTimestamp: "1", HTTPField.Name.callbackSignature: "00"],
                                                    body: ByteBuffer(string: "{}"))
            #expect(unsigned.status == .unauthorized)
            #expect(unsigned.headers[.contentType] == "application/problem+json")

            let ops = "Bearer \(opsToken)"
            func refund(_ amount: String, key: String) async throws -> TestResponse {
                try await client.execute(uri: "/api/v1/ops/orders/\(order)/refunds", method: .post,
                                         headers: [.authorization: ops, .idempotencyKey: key, .contentType: "application/json"],
                                         body: ByteBuffer(string: #"{"amount":"\#(amount)","reason":"test"}"#))
            }
            for bad in ["abc", "-1.00", "0", "999999.00", "1.001"] {
                let refused = try await refund(bad, key: "bad-\(bad)")
                #expect(refused.status == .unprocessableContent, "\(bad): \(refused.text)")
                #expect(try refused.json()["field"] as? String == "amount")
            }
            let partial = try await refund("10.00", key: "r1")
            #expect(partial.status == .created, "\(partial.text)")

            let other = try await MerchantKeyService(store: store).issue(merchantID: "m-seoul-dew", label: "test", at: Date())
            let foreign = try await client.execute(uri: "/api/v1/merchant/orders/\(order)/refunds", method: .post,
                                                   headers: [.authorization: "Bearer \(other)", .idempotencyKey: "x", .contentType: "application/json"],
                                                   body: ByteBuffer(string: #"{"amount":"1.00"}"#))
            #expect(foreign.status == .notFound, "a merchant sees only its own orders")

            for status in ["declared", "shipped", "cleared", "delivered"] {
                let moved = try await client.execute(uri: "/api/v1/ops/orders/\(order)/status", method: .post,
                                                     headers: [.authorization: ops, .idempotencyKey: status, .contentType: "application/json"],
                                                     body: ByteBuffer(string: #"{"status":"\#(status)"}"#))
                #expect(moved.status == .ok, "\(moved.text)")
            }
            let confirmed = try await shop.json(client, .post, "/api/v1/me/orders/\(order)/confirm-delivery", nil, token: token, key: "c1")
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            #expect((try confirmed.json()["releaseRate"] as? String)?.isEmpty == false)
            let escrow = try await shop.json(client, .get, "/api/v1/me/orders/\(order)/escrow", nil, token: token)
            #expect(try escrow.json()["state"] as? String == "released")

            let page = try await client.execute(uri: "/orders/\(order)", method: .get, headers: [.cookie: "session=\(token)"])
            #expect(page.text.contains("data-escrow=\"released\""))
            let ledger = try await client.execute(uri: "/ops/ledger?prefix=escrow", method: .get, headers: [.authorization: ops])
            #expect(ledger.text.contains("escrow:\(order):CNY"))
            let wildcard = try await client.execute(uri: "/ops/ledger?prefix=%25scrow", method: .get, headers: [.authorization: ops])
            #expect(!wildcard.text.contains("escrow:\(order):CNY"), "a prefix is matched as written, % and _ included")
            let account = try await client.execute(uri: "/ops/ledger/accounts/escrow:\(order):CNY", method: .get, headers: [.authorization: ops])
            #expect(account.status == .ok && account.text.contains("hold:\(order):goods"), "\(account.status)")
            let unknown = try await client.execute(uri: "/ops/ledger/accounts/escrow:nothing:CNY", method: .get, headers: [.authorization: ops])
            #expect(unknown.status == .notFound)
            let anonymous = try await client.execute(uri: "/ops/ledger", method: .get)
            #expect(anonymous.status == .seeOther)
            let hudson = try await MerchantKeyService(store: store).issue(merchantID: "m-hudson-vine", label: "test", at: Date())
            let settlement = try await client.execute(uri: "/api/v1/merchant/settlement", method: .get, headers: [.authorization: "Bearer \(hudson)"])
            let balances = try #require(try settlement.json()["balances"] as? [[String: Any]])
            #expect(balances.map { $0["currency"] as? String } == ["USD"])
            let statement = try await client.execute(uri: "/api/v1/merchant/settlement/statement.csv", method: .get,
                                                     headers: [.authorization: "Bearer \(hudson)"])
            #expect(statement.text.contains("merchant-share") && statement.text.contains("commission") && statement.text.contains("clawback") == false)
            let seoul = try await client.execute(uri: "/merchant/settlement", method: .get, headers: [.authorization: "Bearer \(other)"])
            #expect(!seoul.text.contains("merchant-share"), "another merchant's statement stays its own")
            let report = try await LedgerCheck(store: store).run()
            #expect(report.problems.isEmpty, "\(report.problems)")
        }
    }
}
