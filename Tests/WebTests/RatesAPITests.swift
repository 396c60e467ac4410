import Foundation
import HTTPTypes
import HummingbirdTesting
import Money
import Services
import Storage
import TestSupport
import Testing
@testable import Web

@Suite("Rates API")
struct RatesAPITests {
    let ops: HTTPFields = [.authorization: "Bearer \(opsToken)"]

    func opsHeaders(key: String) -> HTTPFields {
        var headers = ops
        headers[.idempotencyKey] = key
        return headers
    }

    @Test("ops record a rate once per key; a replay gets the same answer; the rate is then in force",
          arguments: StoreKind.allCases)
    func recordRate(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, _ in
            let body = #"{"base":"GBP","quote":"CNY","rate":"9.4012","source":"PBoC central parity"}"#
            let first = try await client.post("/api/v1/fx/rates", json: body, headers: opsHeaders(key: "r-1"))
            #expect(first.status == .created)
            #expect(try first.json()["rate"] as? String == "9.4012")
            let replay = try await client.post("/api/v1/fx/rates", json: body, headers: opsHeaders(key: "r-1"))
            #expect(replay.status == .created)
            #expect(replay.text == first.text)
            #expect(replay.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            let reused = try await client.post("/api/v1/fx/rates", json: body.replacingOccurrences(of: "9.4012", with: "9.5"),
                                               headers: opsHeaders(key: "r-1"))
            #expect(reused.status == .unprocessableContent)
            #expect(try reused.json()["field"] as? String == "Idempotency-Key")
            let converted = try await client.get("/api/v1/fx/convert?amount=100.00&from=GBP&to=CNY").json()
            #expect(converted["converted"] as? String == "940.12")
        }
    }

    @Test("ops calls need the ops token")
    func authorisation() async throws {
        try await withTestApp(.sqlite) { client, _ in
            let body = #"{"base":"GBP","quote":"CNY","rate":"9.4","source":"x"}"#
            for headers: HTTPFields in [[.idempotencyKey: "a"], [.idempotencyKey: "a", .authorization: "Bearer wrong"]] {
                let response = try await client.post("/api/v1/fx/rates", json: body, headers: headers)
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test("bad input gets a problem naming the field, and nothing is recorded", arguments: [
        (#"{"base":"GBP","quote":"CNY","rate":"9.4","source":"x"}"#, "", 400, "Idempotency-Key"),
        (#"{"base":"GBP","quote":"CNY","rate":"9.4""#, "k", 400, nil),
        (#"{"base":"GBP","quote":"CNY","source":"x"}"#, "k", 400, "rate"),
        (#"{"base":"GBP","quote":"CNY","rate":9.4,"source":"x"}"#, "k", 400, "rate"),
        (#"{"base":"XXX","quote":"CNY","rate":"9.4","source":"x"}"#, "k", 422, "base"),
        (#"{"base":"GBP","quote":"GBP","rate":"1","source":"x"}"#, "k", 422, "quote"),
        (#"{"base":"GBP","quote":"CNY","rate":"-9.4","source":"x"}"#, "k", 422, "rate"),
        (#"{"base":"GBP","quote":"CNY","rate":"9,4","source":"x"}"#, "k", 422, "rate"),
        (#"{"base":"GBP","quote":"CNY","rate":"9.4","source":" "}"#, "k", 422, "source"),
        (#"{"base":"GBP","quote":"CNY","rate":"9.4","source":"x","asOf":"tomorrow"}"#, "k", 422, "asOf"),
        (#"{"base":"GBP","quote":"CNY","rate":"9.4","source":"x","asOf":"2999-01-01T00:00:00Z"}"#, "k", 422, "asOf"),
    ])
    func badInput(body: String, key: String, status: Int, field: String?) async throws {
        try await withTestApp(.sqlite) { client, store in
            let headers = key.isEmpty ? ops : opsHeaders(key: key)
            let response = try await client.post("/api/v1/fx/rates", json: body, headers: headers)
            #expect(response.status.code == status, "\(response.text)")
            #expect(response.headers[.contentType] == "application/problem+json")
            let problem = try response.json()
            #expect(problem["field"] as? String == field)
            #expect((problem["type"] as? String)?.hasPrefix("https://crossborder.dev/problems/") == true)
            let gbp = try await store.read(SQL("SELECT base FROM fx_rates WHERE base = 'GBP' AND quote = 'CNY' AND source = 'x'"))
            #expect(gbp.isEmpty)
        }
    }

    @Test("a body over the limit is refused with 413")
    func oversized() async throws {
        try await withTestApp(.sqlite) { client, _ in
            let padding = String(repeating: "x", count: 10_000)
            let response = try await client.post(
                "/api/v1/fx/rates", json: #"{"base":"GBP","quote":"CNY","rate":"9.4","source":"\#(padding)"}"#,
                headers: opsHeaders(key: "big"))
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("conversion answers with the exact remainder; bad amounts and currencies name their field")
    func convert() async throws {
        try await withTestApp(.sqlite) { client, store in
            let response = try await client.get("/api/v1/fx/convert?amount=18.99&from=USD&to=CNY")
            #expect(response.status == .ok)
            let body = try response.json()
            let expected = try await RateService(store: store, maxAge: 3600).book()
                .convert(Money(decimal: "18.99", currency: .USD), to: .CNY, at: Date())
            #expect(body["converted"] as? String == expected.converted.decimalText)
            #expect(body["remainderMinorUnits"] as? String == expected.remainder.description)
            for (query, field) in [("amount=1.234&from=USD&to=CNY", "amount"), ("amount=1&from=ABC&to=CNY", "from"),
                                   ("amount=1&from=USD&to=", "to"), ("amount=lots&from=USD&to=CNY", "amount")] {
                let bad = try await client.get("/api/v1/fx/convert?\(query)")
                #expect(bad.status == .unprocessableContent, "\(query)")
                #expect(try bad.json()["field"] as? String == field, "\(query)")
            }
        }
    }

    @Test("a stale or missing rate is a 503 problem, never a silent 1.0")
    func staleRates() async throws {
        try await withTestApp(.sqlite, rateMaxAge: 0.000_001) { client, _ in
            let stale = try await client.get("/api/v1/fx/convert?amount=1&from=USD&to=CNY")
            #expect(stale.status == .serviceUnavailable)
            #expect((try stale.json()["type"] as? String)?.hasSuffix("/rate-unavailable") == true)
            let listed = try await client.get("/api/v1/fx/rates").json()
            let rates = listed["rates"] as? [[String: Any]] ?? []
            #expect(!rates.isEmpty && rates.allSatisfy { $0["usable"] as? Bool == false })
        }
        try await withTestApp(.sqlite) { client, _ in
            let missing = try await client.get("/api/v1/fx/convert?amount=1&from=GBP&to=USD")
            #expect(missing.status == .serviceUnavailable)
        }
    }

    @Test("unknown API paths answer with problem+json")
    func unknownAPIPath() async throws {
        try await withTestApp(.sqlite) { client, _ in
            let response = try await client.get("/api/v1/nothing")
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("the stores API lists the demo storefronts with their merchants")
    func stores() async throws {
        try await withTestApp(.sqlite) { client, _ in
            let body = try await client.get("/api/v1/stores").json()
            let stores = body["stores"] as? [[String: Any]] ?? []
            #expect(stores.count == 5)
            #expect(stores.allSatisfy { ($0["merchant"] as? [String: Any])?["currency"] is String })
        }
    }
}
