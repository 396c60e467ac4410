import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Services
import Storage
import TestSupport
import Testing
import Yams
@testable import Web

@Suite("Health, metrics and the API description")
struct SystemRouteTests {
    @Test("healthz answers; readyz reports the store and its schema", arguments: StoreKind.allCases)
    func health(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, _ in
            #expect(try await client.get("/healthz").json()["status"] as? String == "ok")
            let ready = try await client.get("/readyz")
            #expect(ready.status == .ok)
            let body = try ready.json()
            #expect(body["store"] as? String == kind.rawValue)
            #expect(body["schemaVersion"] as? Int == Migrations.latestVersion)
        }
    }

    @Test("failing background work shows on /metrics and to ops, who retry it once")
    func workFailures() async throws {
        try await withTestApp(.sqlite) { client, store in
            let failures = WorkFailures(store: store)
            for _ in 0..<WorkFailures.parkAfter { await failures.failed("refund", item: "r-1", reason: "the channel is down", at: Date()) }
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains("background_work_parked_items{work=\"refund\"} 1"), "\(metrics.suffix(600))")
            #expect(metrics.contains("background_work_failed_attempts{work=\"refund\"} \(WorkFailures.parkAfter)"))
            let ops: HTTPFields = [.authorization: "Bearer \(opsToken)"]
            #expect(try await client.get("/api/v1/ops/work-failures").status == .unauthorized)
            let listed = try await client.get("/api/v1/ops/work-failures", headers: ops).json()
            let first = try #require((listed["failures"] as? [[String: Any]])?.first)
            #expect(first["item"] as? String == "r-1" && first["parked"] as? Bool == true)
            let body = #"{"work":"refund","item":"r-1"}"#
            var headers = ops
            headers[.idempotencyKey] = "retry-1"
            #expect(try await client.post("/api/v1/ops/work-failures/retry", json: body, headers: headers).status == .ok)
            #expect(try await failures.all().isEmpty)
            headers[.idempotencyKey] = "retry-2"
            #expect(try await client.post("/api/v1/ops/work-failures/retry", json: body, headers: headers).status == .notFound)
        }
    }

    @Test("readyz is 503 with a problem when the schema is not current")
    func notReady() async throws {
        try await withTestStore(.sqlite, migrated: false) { store in
            let app = buildApplication(store: store, configuration: testConfiguration(),
                                       metrics: PlatformMetrics(), logger: Logger(label: "test"))
            try await app.test(.router) { client in
                let response = try await client.get("/readyz")
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test("metrics count requests by route and status, and database transactions")
    func metrics() async throws {
        try await withTestApp(.sqlite) { client, _ in
            _ = try await client.get("/")
            _ = try await client.get("/no-such-page")
            _ = try await client.post("/api/v1/fx/rates", json: #"{"base":"USD","quote":"CNY","rate":"7.2","source":"t"}"#,
                                      headers: [.authorization: "Bearer \(opsToken)", .idempotencyKey: "m1"])
            let text = try await client.get("/metrics").text
            #expect(text.contains(#"http_requests_total{route="/",method="GET",status="200"} 1"#))
            #expect(text.contains(#"status="404""#))
            #expect(text.contains("http_request_duration_seconds_bucket"))
            #expect(text.contains(#"db_transactions_total{store="sqlite",outcome="committed"}"#))
            #expect(text.contains("db_transaction_duration_seconds_count"))
        }
    }

    /// The document as its users' tools read it: parsed as YAML, then held to the router (the
    /// same paths and methods, no more, no fewer) and to what every operation can answer.
    @Test("the served API description is valid YAML whose operations are exactly the router's, each naming what it can answer")
    func openAPIMatchesRoutes() async throws {
        try await withTestStore(.sqlite) { store in
            let router = buildRouter(store: store, configuration: testConfiguration(), metrics: PlatformMetrics())
            // Hummingbird writes a parameter as ":id" (or "{id}"); OpenAPI as "{id}".
            let routed = Set(router.routes.map { route in
                "\(route.method.rawValue) " + route.path.description.split(separator: "/", omittingEmptySubsequences: false)
                    .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            }
                .filter { $0.contains(" /api/") || $0.hasSuffix("z") || $0.contains("/metrics") || $0.contains("/openapi") })
            let served = try await buildApplication(store: store, configuration: testConfiguration(),
                                                     metrics: PlatformMetrics(), logger: Logger(label: "t"))
                .test(.router) { client in try await client.get("/openapi.yaml").text }
            let document = try #require(try Yams.load(yaml: served) as? [String: Any], "the document is YAML")
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: Any])
            var documented = Set<String>()
            var problems: [String] = []
            for (path, entry) in paths {
                for (method, value) in entry as? [String: Any] ?? [:] where ["get", "post", "put", "patch", "delete"].contains(method) {
                    documented.insert("\(method.uppercased()) \(path)")
                    let operation = value as? [String: Any] ?? [:]
                    let responses = Set((operation["responses"] as? [String: Any] ?? [:]).keys)
                    let parameters = operation["parameters"] as? [[String: Any]] ?? []
                    let keyed = parameters.contains { ($0["$ref"] as? String)?.hasSuffix("IdempotencyKey") == true }
                    var owed: [String] = []
                    if operation["security"] != nil { owed.append("401") }
                    if path.contains("{") { owed.append("404") }
                    if operation["requestBody"] != nil || keyed { owed += ["400", "413", "422"] }
                    if method != "get" { owed.append("403") }
                    if parameters.contains(where: { $0["in"] as? String == "query" }) { owed.append("422") }
                    if operation["summary"] as? String == nil { problems.append("\(method) \(path) has no summary") }
                    for code in owed where !responses.contains(code) { problems.append("\(method) \(path) does not list \(code)") }
                    if !responses.contains(where: { $0.hasPrefix("2") || $0.hasPrefix("3") }) { problems.append("\(method) \(path) lists no success") }
                }
            }
            #expect(routed == documented, "routed, not documented: \(routed.subtracting(documented)); documented, not routed: \(documented.subtracting(routed))")
            #expect(problems.isEmpty, "\(problems.sorted().joined(separator: "\n"))")
            let bare = try #require(APIDescription.served).bareObjects()
            #expect(bare.isEmpty, "responses whose schema is an object with nothing named: \(bare)")
        }
    }
}
