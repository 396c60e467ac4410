import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Services
import Storage
import TestSupport
import Testing
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

    @Test("every /api route is in openapi.yaml, and every path there has its route")
    func openAPIMatchesRoutes() async throws {
        try await withTestStore(.sqlite) { store in
            let router = buildRouter(store: store, configuration: testConfiguration(), metrics: PlatformMetrics())
            // Hummingbird writes a parameter as ":id" (or "{id}"); OpenAPI as "{id}".
            let routed = Set(router.routes.map { route in
                "\(route.method.rawValue) " + route.path.description.split(separator: "/", omittingEmptySubsequences: false)
                    .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            }
                .filter { $0.contains(" /api/") || $0.hasSuffix("z") || $0.contains("/metrics") || $0.contains("/openapi") })
            var documented = Set<String>()
            var path: String?
            for line in OpenAPIDocument.yaml.split(separator: "\n") {
                if line.hasPrefix("  /"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()); continue }
                if !line.hasPrefix("    ") && !line.hasPrefix("  /") { path = nil }
                if let path, line.hasPrefix("    "), !line.hasPrefix("     "),
                   let method = ["get", "post", "put", "patch", "delete"].first(where: { line == "    \($0):" }) {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            #expect(routed == documented)
            #expect(!documented.isEmpty)
            let served = try await buildApplication(store: store, configuration: testConfiguration(),
                                                     metrics: PlatformMetrics(), logger: Logger(label: "t"))
                .test(.router) { client in try await client.get("/openapi.yaml").text }
            #expect(served == OpenAPIDocument.yaml)
        }
    }
}
