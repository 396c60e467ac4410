import Hummingbird
import Services
import Storage

/// The liveness answer, the same bytes every time: it is the ceiling `bench checkout` measures
/// orders against, so it costs what the HTTP path costs and nothing more.
enum Liveness {
    static func response() -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private static let body = Array(#"{"status":"ok"}"#.utf8)
}

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
        router.get("/healthz") { _, _ in Liveness.response() }
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
            Responses.text(metrics.exposition() + (try await workFailureGauges()), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/openapi.yaml") { _, _ in
            Responses.text(OpenAPIDocument.yaml, contentType: "application/yaml; charset=utf-8")
        }
    }

    /// Background work failing now, from the database, so that every process reports the same:
    /// failed attempts on record, items failing, items parked for ops, by kind of work.
    private func workFailureGauges() async throws -> String {
        let totals = try await WorkFailures(store: store).totals()
        let gauges = [("background_work_failed_attempts", "Failed attempts on record of background work still failing"),
                      ("background_work_failing_items", "Items of background work whose last attempt failed"),
                      ("background_work_parked_items", "Items of background work parked for ops after failing too often")]
        var text = ""
        for (index, (name, help)) in gauges.enumerated() {
            text += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for total in totals {
                let value = [total.attempts, total.failing, total.parked][index]
                text += "\(name){work=\"\(total.work)\"} \(value)\n"
            }
        }
        return text
    }
}
