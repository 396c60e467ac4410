import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Services
import Storage
import TestSupport
import Testing
@testable import Web

@Suite("Shipping over HTTP")
struct LogisticsWebTests {
    @Test("a merchant ships and prints a barcoded label; unsigned events are refused; the buyer sees the timeline", arguments: [StoreKind.sqlite])
    func shipping(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, store in
            let payments = PaymentsWebTests()
            let (token, group, order) = try await payments.placedGroup(client)
            _ = try await payments.shop.json(client, .post, "/api/v1/me/order-groups/\(group)/payments", #"{"channel":"bank"}"#, token: token, key: "p")
            let key = try await MerchantKeyService(store: store).issue(merchantID: "m-hudson-vine", label: "test", at: Date())
            let headers: HTTPFields = [.authorization: "Bearer \(key)", .contentType: "application/json"]
            func ship(_ body: String, _ idempotency: String) async throws -> TestResponse {
                var withKey = headers
                withKey[.idempotencyKey] = idempotency
                return try await client.execute(uri: "/api/v1/merchant/orders/\(order)/shipments", method: .post, headers: withKey,
                                                body: ByteBuffer(string: body))
            }
            let bad = try await ship(#"{"weightGrams":0,"lengthMM":300,"widthMM":200,"heightMM":100,"contents":[]}"#, "s0")
            let badField = try bad.json()["field"] as? String
            #expect(bad.status == .unprocessableContent && badField == "weightGrams")
            let made = try await ship(#"{"weightGrams":1200,"lengthMM":300,"widthMM":200,"heightMM":100,"contents":[{"hsCode":"640399","description":"loafers","quantity":1,"value":"1345.00"}]}"#, "s1")
            #expect(made.status == .created, "\(made.text)")
            let number = try #require(try made.json()["trackingNumber"] as? String)
            let label = try #require(try made.json()["label"] as? String)
            let page = try await client.execute(uri: label, method: .get, headers: headers)
            #expect(page.status == .ok && page.text.contains("<svg") && page.text.contains(number))
            #expect(try await client.execute(uri: "/merchant/shipments", method: .get, headers: [.cookie: "merchant=\(key)"]).status == .seeOther,
                    "a cookie holding the key itself is no session")
            let merchantSession = try await client.signInToConsole("/merchant/signin", key: key)
            let list = try await client.execute(uri: "/merchant/shipments", method: .get, headers: [.cookie: merchantSession.cookie])
            #expect(list.text.contains(number))
            let otherKey = try await MerchantKeyService(store: store).issue(merchantID: "m-seoul-dew", label: "test", at: Date())
            let otherSession = try await client.signInToConsole("/merchant/signin", key: otherKey)
            let otherList = try await client.execute(uri: "/merchant/shipments", method: .get, headers: [.cookie: otherSession.cookie])
            #expect(otherList.status == .ok && !otherList.text.contains(number), "a merchant sees only its own shipments")
            let unsigned = try await client.execute(uri: "/api/v1/logistics/events", method: .post, headers: [.contentType: "application/json"],
                                                    body: ByteBuffer(string: #"{"eventId":"x"}"#))
            #expect(unsigned.status == .unauthorized)
            let tracking = try await payments.shop.json(client, .get, "/api/v1/me/orders/\(order)/tracking", nil, token: token)
            let timeline = try #require(try tracking.json()["timeline"] as? [[String: Any]])
            #expect(timeline.map { $0["stage"] as? String } == ["labelled"])
            let html = try await client.execute(uri: "/orders/\(order)/tracking", method: .get, headers: [.cookie: "session=\(token)"])
            #expect(html.text.contains(number))
            let estimate = try #require(try tracking.json()["deliveryEstimate"] as? [String: Any])
            let latestDay = try #require(estimate["latestDay"] as? String)
            #expect(html.text.contains("class=\"delivery-estimate\"") && html.text.contains(latestDay))

            // The hub screen: a keyboard-wedge scan posts the form; the answer is a coloured panel.
            let anonymous = try await client.get("/hub")
            #expect(anonymous.status == .seeOther)
            let cookies = try await client.signInToConsole("/ops/signin", key: opsToken).cookie
            let csrf = try #require(csrfField(try await client.execute(uri: "/hub", method: .get, headers: [.cookie: cookies]).text))
            func screen(_ path: String, _ form: String) async throws -> TestResponse {
                try await client.execute(uri: path, method: .post,
                                         headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookies],
                                         body: ByteBuffer(string: "csrf=\(csrf)&" + form))
            }
            let held = try await screen("/hub/scan", "weightGrams=3000&trackingNumber=\(number.lowercased())")
            #expect(held.status == .unprocessableContent && held.text.contains("scan-result held") && held.text.contains("HELD"))
            let unknown = try await screen("/hub/scan", "weightGrams=100&trackingNumber=CB000000000XX")
            #expect(unknown.text.contains("scan-result held") && unknown.text.contains("CB000000000XX"))
            let bagged = try await screen("/hub/bag", "bagId=B1&trackingNumber=\(number)")
            #expect(bagged.status == .unprocessableContent, "a held parcel does not go in a bag")
        }
    }
}

/// A merchant finds what it has to ship: its orders by API and on a page, and ships one from
/// the page with the order's lines as the parcel's contents.
@Suite("A merchant's orders")
struct MerchantOrdersWebTests {
    @Test("the merchant's paid orders, by API and page; shipped from the page; another merchant sees none", arguments: StoreKind.allCases)
    func orders(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, store in
            let payments = PaymentsWebTests()
            let (token, group, order) = try await payments.placedGroup(client)
            _ = try await payments.shop.json(client, .post, "/api/v1/me/order-groups/\(group)/payments", #"{"channel":"bank"}"#, token: token, key: "p")
            let key = try await MerchantKeyService(store: store).issue(merchantID: "m-hudson-vine", label: "test", at: Date())
            let other = try await MerchantKeyService(store: store).issue(merchantID: "m-vallee", label: "test", at: Date())
            func list(_ query: String, as key: String) async throws -> TestResponse {
                try await client.execute(uri: "/api/v1/merchant/orders\(query)", method: .get, headers: [.authorization: "Bearer \(key)"])
            }
            let paid = try await list("?status=paid", as: key).json()["orders"] as? [[String: Any]]
            #expect(paid?.map { $0["id"] as? String } == [order])
            #expect((try await list("?status=shipped", as: key).json()["orders"] as? [Any])?.isEmpty == true)
            #expect((try await list("", as: other).json()["orders"] as? [Any])?.isEmpty == true)
            let bad = try await list("?status=lost", as: key)
            #expect(try bad.status == .unprocessableContent && bad.json()["field"] as? String == "status")

            let session = try await client.signInToConsole("/merchant/signin", key: key)
            let page = try await client.execute(uri: "/merchant/orders?status=paid&lang=zh-CN", method: .get, headers: [.cookie: session.cookie])
            #expect(page.status == .ok && page.text.contains("data-order-id=\"\(order)\"") && page.text.contains("创建包裹"))
            let csrf = try #require(csrfField(page.text))
            let cookies = "\(session.cookie); csrf=\(cookieValue(page.headers[.setCookie], "csrf") ?? "")"
            let shipped = try await client.execute(
                uri: "/merchant/orders/\(order)/shipments", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookies],
                body: ByteBuffer(string: "csrf=\(csrf)&weightGrams=1200&lengthMM=300&widthMM=200&heightMM=100"))
            #expect(shipped.status == .seeOther, "\(shipped.text)")
            let label = try #require(shipped.headers[.location])
            #expect(label.hasSuffix("/label"))
            let printed = try await client.execute(uri: label, method: .get, headers: [.cookie: session.cookie])
            #expect(printed.status == .ok && printed.text.contains("<svg"))
        }
    }
}
