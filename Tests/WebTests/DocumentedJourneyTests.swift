import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Services
import Storage
import TestSupport
import Testing
@testable import Web

/// One order's whole way through the JSON API, by every party, so that each success answer the
/// API gives is seen at least once by the client that holds responses to the OpenAPI document.
@Suite("The API does what its document says")
struct DocumentedJourneyTests {
    let shop = ShoppingWebTests()
    let payments = PaymentsWebTests()

    static let callbackSecret = "journey-callback-secret"
    static let trackingSecret = "journey-tracking-secret"

    static var configuration: WebConfiguration {
        var configuration = testConfiguration()
        configuration.callbackSecret = callbackSecret
        configuration.trackingSecret = trackingSecret
        return configuration
    }

    /// A signed partner report, as the callback and logistics webhooks expect it.
    func signed(_ client: any TestClientProtocol, _ path: String, _ body: String, secret: String) async throws -> TestResponse {
        let timestamp = String(Int64(Date().timeIntervalSince1970))
        return try await client.execute(uri: path, method: .post,
                                        headers: [.contentType: "application/json", .callbackTimestamp: timestamp,
                                                  .callbackSignature: CallbackSignature.sign(timestamp: timestamp, body: body, secret: secret)],
                                        body: ByteBuffer(string: body))
    }

    @Test("catalogue, buyer, partner callback, customs, merchant, hub, carrier, refund, release, payout and reconciliation, all answered as documented")
    func journey() async throws {
        let configuration = Self.configuration
        try await withTestApp(.sqlite, configuration: configuration) { client, store in
            let ops: HTTPFields = [.authorization: "Bearer \(opsToken)", .contentType: "application/json"]
            func call(_ method: HTTPRequest.Method, _ path: String, _ headers: HTTPFields, body: String? = nil, key: String? = nil,
                      expect status: HTTPResponse.Status) async throws -> [String: Any] {
                var all = headers
                if let key { all[.idempotencyKey] = key }
                let response = try await client.execute(uri: path, method: method, headers: all, body: body.map { ByteBuffer(string: $0) })
                #expect(response.status == status, "\(method) \(path): \(response.text)")
                return (try? response.json()) ?? [:]
            }

            // Anyone: the document, currencies, one product.
            #expect(try await client.get("/openapi.yaml").status == .ok)
            let currencies = try await call(.get, "/api/v1/currencies", [:], expect: .ok)
            #expect((currencies["currencies"] as? [[String: Any]])?.contains { $0["code"] as? String == "CNY" } == true)
            let product = try await call(.get, "/api/v1/products/hv-loafer", [:], expect: .ok)
            #expect(product["id"] as? String == "hv-loafer")

            // The buyer: addresses, cart, an order paid through the partner, which confirms by callback.
            let (token, group, order) = try await payments.placedGroup(client)
            let buyer: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let addresses = try await call(.get, "/api/v1/me/addresses", buyer, expect: .ok)
            #expect((addresses["addresses"] as? [[String: Any]])?.count == 1)
            _ = try await call(.get, "/api/v1/me/cart", buyer, expect: .ok)
            let payment = try await call(.post, "/api/v1/me/order-groups/\(group)/payments", buyer, body: #"{"channel":"partner"}"#, key: "p1",
                                         expect: .created)
            let paymentID = try #require(payment["id"] as? String)
            let report = #"{"eventId":"ev-1","paymentId":"\#(paymentID)","status":"succeeded","reference":"PT-1"}"#
            let applied = try await signed(client, "/api/v1/payments/callbacks/partner", report, secret: Self.callbackSecret)
            let appliedNow = try applied.json()["applied"] as? Bool
            #expect(applied.status == .ok && appliedNow == true, "\(applied.text)")
            let settled = try await call(.get, "/api/v1/me/payments/\(paymentID)", buyer, expect: .ok)
            #expect(settled["status"] as? String == "succeeded")
            let told = try await call(.get, "/api/v1/me/notices", buyer, expect: .ok)
            #expect((told["notices"] as? [[String: Any]])?.contains { $0["kind"] as? String == "paid" && $0["orderId"] as? String == order } == true)

            // Customs: the paid order is declared, and ops see the declaration.
            let platform = PaymentPlatform.sandbox(store: store, rates: RateService(store: store, maxAge: 3600),
                                                   cipher: configuration.cipher, callbackSecret: Self.callbackSecret)
            let customs = DeclarationService(store: store, cipher: configuration.cipher, gateway: SandboxCustoms(store: store),
                                             refunds: platform.refunds)
            #expect(try await customs.declareDue(at: Date()) == 1)
            let declarations = try await call(.get, "/api/v1/ops/declarations", ops, expect: .ok)
            #expect((declarations["declarations"] as? [[String: Any]])?.first?["orderId"] as? String == order)

            // The merchant: its catalogue, one SKU's stock, a shipment for the order.
            let key = try await MerchantKeyService(store: store).issue(merchantID: "m-hudson-vine", label: "journey", at: Date())
            let merchant: HTTPFields = [.authorization: "Bearer \(key)", .contentType: "application/json"]
            let own = try await call(.get, "/api/v1/merchant/products/hv-oxford", merchant, expect: .ok)
            let draft = try Self.draft(of: own)
            let replaced = try await call(.put, "/api/v1/merchant/products/hv-oxford", merchant, body: draft, key: "put-1", expect: .ok)
            #expect(replaced["id"] as? String == "hv-oxford")
            let sku = try #require((own["skus"] as? [[String: Any]])?.first?["id"] as? String)
            let changed = try await call(.patch, "/api/v1/merchant/skus/\(sku)", merchant, body: #"{"stock":7}"#, key: "sku-1", expect: .ok)
            #expect((changed["skus"] as? [[String: Any]])?.first?["onHand"] as? Int == 7)
            let shipment = try await call(.post, "/api/v1/merchant/orders/\(order)/shipments", merchant, body:
                                          #"{"weightGrams":1200,"lengthMM":300,"widthMM":200,"heightMM":100,"contents":[{"hsCode":"640399","description":"loafers","quantity":1,"value":"1345.00"}]}"#,
                                          key: "ship-1", expect: .created)
            let number = try #require(shipment["trackingNumber"] as? String)

            // The hub: scan in (twice), bag, close the air waybill, depart, arrive, read the manifest.
            let scan = #"{"trackingNumber":"\#(number)","weightGrams":1210}"#
            #expect(try await call(.post, "/api/v1/hub/scans", ops, body: scan, expect: .created)["status"] as? String == "accepted")
            #expect(try await call(.post, "/api/v1/hub/scans", ops, body: scan, expect: .ok)["firstScan"] as? Bool == false)
            _ = try await call(.post, "/api/v1/hub/bags", ops, body: #"{"bagId":"B1","trackingNumbers":["\#(number)"]}"#, key: "bag-1", expect: .ok)
            let waybill = "176-12345675"
            _ = try await call(.post, "/api/v1/hub/air-waybills", ops, body: #"{"number":"\#(waybill)","flight":"CA988","bags":["B1"]}"#, key: "awb-1",
                               expect: .created)
            _ = try await call(.post, "/api/v1/hub/air-waybills/\(waybill)/departure", ops, expect: .ok)
            _ = try await call(.post, "/api/v1/hub/air-waybills/\(waybill)/arrival", ops, expect: .ok)
            let manifest = try await call(.get, "/api/v1/hub/air-waybills/\(waybill)/manifest", ops, expect: .ok)
            #expect((manifest["parcels"] as? [[String: Any]])?.first?["trackingNumber"] as? String == number)

            // Customs report by signed webhook; ops stand in for the carrier.
            let released = #"{"eventId":"t-1","trackingNumber":"\#(number)","stage":"customs_released","source":"customs","at":"\#(Date().ISO8601Format())","location":"PVG","note":""}"#
            let event = try await signed(client, "/api/v1/logistics/events", released, secret: Self.trackingSecret)
            #expect(event.status == .ok, "\(event.text)")
            #expect(try await call(.get, "/api/v1/me/orders/\(order)", buyer, expect: .ok)["status"] as? String == "cleared",
                    "customs' release clears the order")
            _ = try await call(.post, "/api/v1/ops/orders/\(order)/status", ops, body: #"{"status":"delivered"}"#, key: "delivered", expect: .ok)

            // Money: the merchant refunds part, the buyer confirms, ops pay out and reconcile the partner.
            _ = try await call(.post, "/api/v1/merchant/orders/\(order)/refunds", merchant, body: #"{"amount":"5.00","reason":"scuffed box"}"#,
                               key: "refund-1", expect: .created)
            _ = try await call(.post, "/api/v1/me/orders/\(order)/confirm-delivery", buyer, key: "confirm-1", expect: .ok)
            let run = try await call(.post, "/api/v1/ops/payouts/run", ops, key: "payouts-1", expect: .ok)
            let batch = try #require((run["batches"] as? [String])?.first, "a released order makes a payout batch")
            let file = try await client.execute(uri: "/api/v1/ops/payout-batches/\(batch)/file", method: .get, headers: ops)
            #expect(file.status == .ok && file.text.contains("pain.001.001.09"))
            let statement = try await client.execute(uri: "/api/v1/ops/channels/partner/statement.csv", method: .get, headers: ops)
            #expect(statement.status == .ok)
            let reconciled = try await client.execute(uri: "/api/v1/ops/channels/partner/reconciliation", method: .post,
                                                      headers: [.authorization: "Bearer \(opsToken)", .contentType: "text/csv"],
                                                      body: statement.body)
            let mismatches = try reconciled.json()["mismatches"] as? [Any]
            #expect(reconciled.status == .ok && mismatches?.isEmpty == true, "\(reconciled.text)")

            // Keys and sessions end: ops revoke the merchant's key, the buyer signs out.
            let keys = try await call(.get, "/api/v1/merchant/keys", merchant, expect: .ok)
            let keyID = try #require((keys["keys"] as? [[String: Any]])?.first?["id"] as? String)
            _ = try await call(.post, "/api/v1/ops/merchants/m-hudson-vine/keys/\(keyID)/revoke", ops, key: "revoke-1", expect: .ok)
            _ = try await call(.get, "/api/v1/merchant/keys", merchant, expect: .unauthorized)
            _ = try await call(.delete, "/api/v1/sessions/current", buyer, expect: .noContent)
            _ = try await call(.get, "/api/v1/me/cart", buyer, expect: .unauthorized)
        }
    }

    /// The draft that saves `product` (a merchant's view of it) unchanged.
    static func draft(of product: [String: Any]) throws -> String {
        func both(_ key: String) -> [String: String] { product[key] as? [String: String] ?? [:] }
        let skus = (product["skus"] as? [[String: Any]] ?? []).map { sku -> [String: Any] in
            let variant = sku["variant"] as? [String: String] ?? [:]
            return ["id": sku["id"] ?? "", "variantEn": variant["en"] ?? "", "variantZh": variant["zh-CN"] ?? "",
                    "price": (sku["price"] as? [String: Any])?["amount"] ?? "", "weightGrams": sku["weightGrams"] ?? 0,
                    "stock": sku["onHand"] ?? 0]
        }
        let draft: [String: Any] = [
            "id": product["id"] ?? "", "nameEn": both("name")["en"] ?? "", "nameZh": both("name")["zh-CN"] ?? "",
            "descriptionEn": both("description")["en"] ?? "", "descriptionZh": both("description")["zh-CN"] ?? "",
            "category": product["category"] ?? "", "brand": product["brand"] ?? "", "hsCode": product["hsCode"] ?? "",
            "originCountry": product["originCountry"] ?? "", "shipsToChina": product["shipsToChina"] ?? true,
            "artwork": product["artwork"] ?? "", "skus": skus,
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: draft), as: UTF8.self)
    }
}
