import Hummingbird
import Storage

/// Liveness, readiness, metrics and the API description.
struct SystemRoutes<Context: RequestContext> {
    let store: any Store
    let metrics: PlatformMetrics

    struct Health: Codable {
        let status: String
        var store: String?
        var schemaVersion: Int?
    }

    func register(on router: Router<Context>) {
        router.get("/healthz") { _, _ in try Responses.json(Health(status: "ok")) }
        router.get("/readyz") { _, _ in
            do {
                try await store.requireCurrentSchema()
                return try Responses.json(Health(status: "ready", store: store.kind.rawValue,
                                                 schemaVersion: Migrations.latestVersion))
            } catch {
                throw Problem(type: "not-ready", title: "Not ready", status: .serviceUnavailable, detail: "\(error)")
            }
        }
        router.get("/metrics") { _, _ in
            Responses.text(metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/openapi.yaml") { _, _ in
            Responses.text(OpenAPIDocument.yaml, contentType: "application/yaml; charset=utf-8")
        }
    }
}
