import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import TestSupport
import Testing
@testable import Web

@Suite("The ops dashboard")
struct DashboardWebTests {
    let payments = PaymentsWebTests()

    @Test("for ops only; each server-sent event carries the last minute of orders and GMV, the top SKUs and the answers refused",
          arguments: [StoreKind.sqlite])
    func dashboard(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, _ in
            #expect(try await client.execute(uri: "/ops/dashboard", method: .get).status == .seeOther)
            #expect(try await client.execute(uri: "/ops/dashboard/events?events=1", method: .get).status == .unauthorized)
            let ops: HTTPFields = [.authorization: "Bearer \(opsToken)"]
            let page = try await client.execute(uri: "/ops/dashboard", method: .get, headers: ops)
            #expect(page.status == .ok && page.text.contains("<svg id=\"orders-chart\"") && page.text.contains("EventSource"))
            let bad = try await client.execute(uri: "/ops/dashboard/events?events=0", method: .get, headers: ops)
            #expect(bad.status == .badRequest || bad.status == .unprocessableContent)

            let (token, addressID) = try await payments.verifiedBuyer(client)
            let bought = try await payments.shop.json(client, .post, "/api/v1/me/buy-now",
                                                      #"{"skuId":"hv-loafer-1","addressId":"\#(addressID)","channel":"bank"}"#,
                                                      token: token, key: "d1")
            #expect(bought.status == .created)
            _ = try await payments.shop.json(client, .post, "/api/v1/me/buy-now", #"{"skuId":"hv-loafer-1"}"#, token: token, key: "d2")
            // The second under way is not shown until it is over: two events, a second apart.
            let stream = try await client.execute(uri: "/ops/dashboard/events?events=2", method: .get, headers: ops)
            #expect(stream.headers[.contentType] == "text/event-stream")
            let events = stream.text.components(separatedBy: "\n\n").filter { $0.hasPrefix("event: figures\ndata: ") }
            #expect(events.count == 2)
            let last = try #require(events.last.map { String($0.dropFirst("event: figures\ndata: ".count)) })
            let figures = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
            let seconds = figures["seconds"] as? [[String: Any]] ?? []
            #expect(seconds.count == 60)
            #expect(seconds.compactMap { $0["orders"] as? Int }.reduce(0, +) == 1)
            #expect((figures["top"] as? [[String: Any]])?.first?["skuId"] as? String == "hv-loafer-1")
            #expect(figures["answered"] is Int && figures["refused"] is Int && figures["failed"] is Int, "answers in the second before")
        }
    }
}
