import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Services
import Storage
import TestSupport
import Testing
@testable import Web

/// Money abroad through the JSON API, as its document says: the traveller's wallet and codes,
/// the store's till and tax-free forms, ops' forms and validations; and every bad request a
/// clear 4xx that moves nothing.
@Suite("Travellers abroad over HTTP")
struct TravelWebTests {
    let shop = ShoppingWebTests()
    let payments = PaymentsWebTests()

    struct Parties {
        let traveller: String
        let merchant: String
        let client: any TestClientProtocol
        let shop: ShoppingWebTests

        func call(_ method: HTTPRequest.Method, _ path: String, _ body: String? = nil, as token: String, key: String? = nil) async throws -> TestResponse {
            try await shop.json(client, method, path, body, token: token, key: key)
        }
    }

    func parties(_ client: any TestClientProtocol, _ store: any Store, merchant: String = "m-bottega-arno") async throws -> Parties {
        let (token, _) = try await payments.verifiedBuyer(client)
        let key = try await MerchantKeyService(store: store).issue(merchantID: merchant, label: "till", at: Date())
        return Parties(traveller: token, merchant: key, client: client, shop: shop)
    }

    func transfers(_ store: any Store) async throws -> Int64 {
        try await store.read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM ledger_transfers")).first?.integer("n") ?? -1
    }

    @Test("top up, pay by code and by charge, refund at the till, a tax-free form refunded at once, validated by ops, withdrawn", arguments: StoreKind.allCases)
    func journey(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, store in
            let p = try await parties(client, store)
            let topUp = try await p.call(.post, "/api/v1/me/wallet/top-ups", #"{"amount":"3000.00"}"#, as: p.traveller, key: "t1")
            #expect(topUp.status == .created, "\(topUp.text)")
            #expect(try topUp.json()["status"] as? String == "succeeded")

            let code = try await p.call(.post, "/api/v1/me/payment-codes", nil, as: p.traveller, key: "c1")
            #expect(code.status == .created)
            let codeBody = try code.json()
            let digits = try #require(codeBody["code"] as? String)
            #expect((codeBody["svg"] as? String)?.hasPrefix("<svg") == true && codeBody["errorCorrection"] as? String == "M")
            let paid = try await p.call(.post, "/api/v1/merchant/shops/shop-arno-firenze/payments",
                                        #"{"paymentCode":"\#(digits)","amount":"180.00"}"#, as: p.merchant, key: "p1")
            #expect(paid.status == .created, "\(paid.text)")
            let payment = try paid.json()
            let paymentID = try #require(payment["id"] as? String)
            #expect(payment["commission"] != nil)
            let reused = try await p.call(.post, "/api/v1/merchant/shops/shop-arno-firenze/payments",
                                          #"{"paymentCode":"\#(digits)","amount":"10.00"}"#, as: p.merchant, key: "p2")
            #expect(try reused.status == .gone && (reused.json()["type"] as? String)?.hasSuffix("/payment-code.used") == true)

            let charge = try await p.call(.post, "/api/v1/merchant/shops/shop-arno-firenze/charges", #"{"amount":"20.00","goods":true}"#,
                                          as: p.merchant, key: "ch1")
            #expect(charge.status == .created, "\(charge.text)")
            let chargeBody = try charge.json()
            let url = try #require(chargeBody["url"] as? String)
            let token = String(try #require(url.split(separator: "/").last))
            let seen = try await p.call(.get, "/api/v1/me/shop-charges/\(token)", as: p.traveller)
            #expect(try seen.json()["status"] as? String == "open")
            #expect((try seen.json()["cnyNow"] as? [String: Any])?["currency"] as? String == "CNY")
            let byCharge = try await p.call(.post, "/api/v1/me/shop-charges/\(token)/payment", nil, as: p.traveller, key: "pc1")
            #expect(byCharge.status == .created, "\(byCharge.text)")
            #expect(try byCharge.json()["commission"] == nil, "the traveller does not see the merchant's commission")
            let chargeID = try #require(chargeBody["id"] as? String)
            let status = try await p.call(.get, "/api/v1/merchant/shops/shop-arno-firenze/charges/\(chargeID)", as: p.merchant)
            #expect(try status.json()["status"] as? String == "paid")
            let chargePayment = try #require(try byCharge.json()["id"] as? String)
            let refund = try await p.call(.post, "/api/v1/merchant/till-payments/\(chargePayment)/refunds", #"{"amount":"5.00"}"#,
                                          as: p.merchant, key: "r1")
            #expect(refund.status == .created, "\(refund.text)")

            let form = try await p.call(.post, "/api/v1/merchant/till-payments/\(paymentID)/tax-free-form", nil, as: p.merchant, key: "f1")
            #expect(form.status == .created, "\(form.text)")
            let formID = try #require(try form.json()["id"] as? String)
            #expect(try await p.call(.get, "/api/v1/merchant/tax-free-forms/\(formID)", as: p.merchant).status == .ok)
            let instant = try await p.call(.post, "/api/v1/me/tax-free-forms/\(formID)/instant-refund", nil, as: p.traveller, key: "i1")
            #expect(instant.status == .ok, "\(instant.text)")
            #expect(try instant.json()["refundStatus"] as? String == "instant")
            let forms = try await p.call(.get, "/api/v1/me/tax-free-forms", as: p.traveller)
            #expect((try forms.json()["forms"] as? [Any])?.count == 1)

            let opsForms = try await p.call(.get, "/api/v1/ops/tax-free-forms?country=IT&status=issued", as: opsToken)
            #expect((try opsForms.json()["forms"] as? [Any])?.count == 1)
            let owed = (try opsForms.json()["receivables"] as? [[String: Any]])?.first { $0["currency"] as? String == "EUR" }
            #expect(owed?["amount"] as? String != "0.00")
            let validation = #"{"eventId":"OTELLO:e1","formId":"\#(formID)","validated":true,"exportedAt":"\#(Date().ISO8601Format())"}"#
            let applied = try await p.call(.post, "/api/v1/ops/tax-free/validations", validation, as: opsToken, key: "v1")
            #expect(try applied.json()["applied"] as? Bool == true, "\(applied.text)")
            let twice = try await p.call(.post, "/api/v1/ops/tax-free/validations", validation, as: opsToken, key: "v2")
            #expect(try twice.json()["applied"] as? Bool == false)

            let withdrawal = try await p.call(.post, "/api/v1/me/wallet/withdrawals", #"{"amount":"100.00","card":"4111 1111 1111 1111"}"#,
                                              as: p.traveller, key: "w1")
            #expect(withdrawal.status == .created, "\(withdrawal.text)")
            #expect(try withdrawal.json()["card"] as? String == "•••• 1111")
            let wallet = try await p.call(.get, "/api/v1/me/wallet", as: p.traveller).json()
            #expect((wallet["movements"] as? [Any])?.count ?? 0 >= 5)
            #expect(try await p.call(.get, "/api/v1/me/till-payments", as: p.traveller).status == .ok)
            #expect(try await p.call(.get, "/api/v1/merchant/till-payments", as: p.merchant).status == .ok)
            #expect(try await p.call(.get, "/api/v1/merchant/shops", as: p.merchant).status == .ok)
            let report = try await LedgerCheck(store: store).run()
            #expect(report.problems.isEmpty, "\(report.problems)")
        }
    }

    @Test("bad input is a clear 4xx naming what is wrong, and nothing moves", arguments: StoreKind.allCases)
    func badInput(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, store in
            let p = try await parties(client, store)
            _ = try await p.call(.post, "/api/v1/me/wallet/top-ups", #"{"amount":"100.00"}"#, as: p.traveller, key: "t1")
            let before = try await transfers(store)
            let wallet = try await p.call(.get, "/api/v1/me/wallet", as: p.traveller).text
            let code = try #require(try await p.call(.post, "/api/v1/me/payment-codes", nil, as: p.traveller, key: "c1").json()["code"] as? String)
            let cases: [(String, String, String, HTTPResponse.Status, String?)] = [
                ("/api/v1/merchant/shops/shop-arno-firenze/payments", #"{"paymentCode":"\#(code)","amount":"12.345"}"#, p.merchant, .unprocessableContent, "amount"),
                ("/api/v1/merchant/shops/shop-arno-firenze/payments", #"{"paymentCode":"\#(code)","amount":"-1.00"}"#, p.merchant, .unprocessableContent, "amount"),
                ("/api/v1/merchant/shops/shop-arno-firenze/payments", #"{"paymentCode":"281234","amount":"1.00"}"#, p.merchant, .unprocessableContent, "paymentCode"),
                ("/api/v1/merchant/shops/shop-arno-firenze/payments", #"{"paymentCode":"289999999999999999","amount":"1.00"}"#, p.merchant, .notFound, "paymentCode"),
                ("/api/v1/merchant/shops/shop-arno-firenze/payments", #"{"paymentCode":"\#(code)","amount":"900.00"}"#, p.merchant, .conflict, nil),
                ("/api/v1/merchant/shops/shop-vallee-geneve/payments", #"{"paymentCode":"\#(code)","amount":"1.00"}"#, p.merchant, .notFound, "shopId"),
                ("/api/v1/merchant/shops/shop-arno-firenze/charges", #"{"amount":"1.001"}"#, p.merchant, .unprocessableContent, "amount"),
                ("/api/v1/merchant/shops", #"{"name":"X","nameZh":"X","country":"US","city":"NYC","street":"5th"}"#, p.merchant, .unprocessableContent, "country"),
                ("/api/v1/merchant/shops", #"{"name":"X","nameZh":"X","country":"CH","city":"Bern","street":"Markt 1"}"#, p.merchant, .unprocessableContent, "country"),
                ("/api/v1/merchant/shops", #"{"name":" ","nameZh":"X","country":"IT","city":"Roma","street":"Via 1"}"#, p.merchant, .unprocessableContent, "name"),
                ("/api/v1/me/wallet/top-ups", #"{"amount":"10.001"}"#, p.traveller, .unprocessableContent, "amount"),
                ("/api/v1/me/wallet/top-ups", #"{"amount":"10.00","channel":"nowhere"}"#, p.traveller, .unprocessableContent, "channel"),
                ("/api/v1/me/wallet/withdrawals", #"{"amount":"10.00","card":"1234"}"#, p.traveller, .unprocessableContent, "card"),
                ("/api/v1/me/shop-charges/c_forged/payment", "", p.traveller, .notFound, "token"),
                ("/api/v1/me/tax-free-forms/tf-none/instant-refund", "", p.traveller, .notFound, "formId"),
                ("/api/v1/ops/tax-free/validations", #"{"eventId":"e","formId":"tf-none","validated":true,"exportedAt":"2026-12-01T10:00:00Z"}"#, opsToken, .notFound, "formId"),
                ("/api/v1/ops/tax-free/validations", #"{"eventId":"e","formId":"tf-none","validated":true,"exportedAt":"yesterday"}"#, opsToken, .unprocessableContent, "exportedAt"),
            ]
            for (index, (path, body, token, status, field)) in cases.enumerated() {
                let response = try await p.call(.post, path, body.isEmpty ? nil : body, as: token, key: "bad-\(index)")
                #expect(response.status == status, "\(path) \(body): \(response.text)")
                #expect(response.headers[.contentType] == "application/problem+json", "\(path) \(body)")
                if let field { #expect(try response.json()["field"] as? String == field, "\(path) \(body): \(response.text)") }
            }
            // The code was not used by any of them, and pays once now; a purchase below the minimum gets no form.
            let small = try await p.call(.post, "/api/v1/merchant/shops/shop-arno-firenze/payments", #"{"paymentCode":"\#(code)","amount":"7.00"}"#,
                                         as: p.merchant, key: "ok")
            #expect(small.status == .created, "\(small.text)")
            let paymentID = try #require(try small.json()["id"] as? String)
            let after = try await transfers(store)
            let form = try await p.call(.post, "/api/v1/merchant/till-payments/\(paymentID)/tax-free-form", nil, as: p.merchant, key: "f1")
            #expect(try form.status == .unprocessableContent && (form.json()["type"] as? String)?.hasSuffix("/tax-free.below-minimum") == true, "\(form.text)")
            #expect(try await transfers(store) == after)
            #expect(after > before)
            #expect(wallet != (try await p.call(.get, "/api/v1/me/wallet", as: p.traveller).text))
        }
    }

    @Test("a merchant sees only its own shops, payments and forms")
    func isolation() async throws {
        try await withTestApp(.sqlite) { client, store in
            let p = try await parties(client, store)
            let other = try await MerchantKeyService(store: store).issue(merchantID: "m-vallee", label: "till", at: Date())
            _ = try await p.call(.post, "/api/v1/me/wallet/top-ups", #"{"amount":"2000.00"}"#, as: p.traveller, key: "t1")
            let code = try #require(try await p.call(.post, "/api/v1/me/payment-codes", nil, as: p.traveller, key: "c1").json()["code"] as? String)
            let paid = try await p.call(.post, "/api/v1/merchant/shops/shop-arno-firenze/payments", #"{"paymentCode":"\#(code)","amount":"100.00"}"#,
                                        as: p.merchant, key: "p1")
            let paymentID = try #require(try paid.json()["id"] as? String)
            let refund = try await p.call(.post, "/api/v1/merchant/till-payments/\(paymentID)/refunds", #"{"amount":"1.00"}"#, as: other, key: "r1")
            #expect(refund.status == .notFound)
            let form = try await p.call(.post, "/api/v1/merchant/till-payments/\(paymentID)/tax-free-form", nil, as: other, key: "f1")
            #expect(form.status == .notFound)
            let shops = try await p.call(.get, "/api/v1/merchant/shops", as: other).json()["shops"] as? [[String: Any]]
            #expect(shops?.map { $0["id"] as? String } == ["shop-vallee-geneve"])
            let theirs = try await p.call(.get, "/api/v1/merchant/till-payments", as: other).json()["payments"] as? [Any]
            #expect(theirs?.isEmpty == true)
        }
    }
}
