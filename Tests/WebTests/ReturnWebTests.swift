import Commerce
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
@testable import Services
import Storage
import Testing

@Suite("Returns, as a buyer and ops meet them")
struct ReturnWebTests {
    @Test("the buyer asks on the order page within the window, refused beside the form when the reason is missing; ops refund it when the goods are back; the API refuses an order not yet released")
    func returnFlow() async throws {
        try await withTestApp(.sqlite) { client, store in
            let payments = PaymentsWebTests()
            let (token, addressID) = try await payments.verifiedBuyer(client)
            func buy(_ key: String) async throws -> String {
                let bought = try await payments.shop.json(client, .post, "/api/v1/me/buy-now",
                                                          #"{"skuId":"hv-loafer-1","addressId":"\#(addressID)","channel":"bank"}"#, token: token, key: key)
                return try #require((try bought.json()["orderIds"] as? [String])?.first)
            }
            let kept = try await buy("r1")
            let early = try await buy("r2")
            for status in [OrderStatus.declared, .shipped, .cleared, .delivered] {
                try await OrderService(store: store).transition(kept, to: status, by: .system, at: Date() - 10 * 86_400)
            }
            let notYet = try await payments.shop.json(client, .post, "/api/v1/me/orders/\(early)/returns", #"{"reason":"too early"}"#, token: token, key: "x1")
            let notYetField = try notYet.json()["field"] as? String
            #expect(notYet.status == .unprocessableContent && notYetField == "orderId", "\(notYet.text)")

            let cookie = "session=\(token)"
            let page = try await client.get("/orders/\(kept)?lang=zh-CN", headers: [.cookie: cookie])
            #expect(page.text.contains("class=\"stacked return-form\""))
            let csrf = try #require(csrfField(page.text))
            func ask(_ reason: String) async throws -> TestResponse {
                try await client.execute(uri: "/orders/\(kept)/return", method: .post,
                                         headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                                         body: ByteBuffer(string: "csrf=\(csrf)&reason=\(reason)"))
            }
            let blank = try await ask("+")
            #expect(blank.status == .unprocessableContent && blank.text.contains("data-field=\"reason\""), "refused beside the form")
            #expect(try await ask("wrong+size").status == .seeOther)
            let asked = try await client.get("/orders/\(kept)", headers: [.cookie: cookie])
            #expect(asked.text.contains("data-status=\"requested\"") && !asked.text.contains("class=\"stacked return-form\""))
            let listed = try await payments.shop.json(client, .get, "/api/v1/me/orders/\(kept)/returns", nil, token: token)
            let returnID = try #require(((try listed.json()["returns"] as? [[String: Any]])?.first)?["id"] as? String)

            let (ops, _) = try await client.signInToConsole("/ops/signin", key: opsToken)
            let queue = try await client.get("/ops/returns", headers: [.cookie: ops])
            #expect(queue.text.contains("data-return=\"\(returnID)\""))
            let opsCSRF = try #require(csrfField(queue.text))
            let received = try await client.execute(uri: "/ops/returns/\(returnID)/received", method: .post,
                                                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: ops],
                                                    body: ByteBuffer(string: "csrf=\(opsCSRF)"))
            #expect(received.status == .seeOther)
            #expect(try await OrderService(store: store).order(kept)?.status == .refunded)
            let allowance = try await store.read(SQL("SELECT CAST(SUM(used_fen) AS BIGINT) AS n FROM import_allowances")).first?.integer("n")
            let stillPaid = try await store.read(SQL("SELECT allowance_fen FROM orders WHERE id = ?", bind: early)).first?.integer("allowance_fen")
            #expect(allowance == stillPaid, "the returned order's allowance is back; the other order's still counts")
            #expect(try await OrderBooksCheck(store: store).run().isEmpty)
        }
    }
}
