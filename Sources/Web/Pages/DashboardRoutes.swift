import Foundation
import Hummingbird
import NIOCore
import Services

/// The ops dashboard: a page, and once a second over server-sent events the last minute of
/// orders and GMV, the top SKUs and the share of answers refused or failed.
struct DashboardRoutes<Context: RequestContext> {
    let sales: LiveSales
    let metrics: PlatformMetrics
    let configuration: WebConfiguration

    func register(on router: Router<Context>) {
        router.get("/ops/dashboard") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            return Responses.html(DashboardPage.render(language: LanguageChoice.language(of: request)))
        }
        router.get("/ops/dashboard/events") { request, _ in
            guard try await OpsAuthorization.isOps(request, configuration) else { throw Problem.unauthorized("sign in as ops to follow the dashboard") }
            let limit = try eventLimit(request)
            let sales = self.sales, metrics = self.metrics
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: ResponseBody { writer in
                var before = metrics.answers
                var sent = 0
                while limit.map({ sent < $0 }) ?? true {
                    let now = metrics.answers
                    let event = DashboardEvent(try await sales.figures(at: Date()), answered: now.answered - before.answered,
                                               refused: now.refused - before.refused, failed: now.failed - before.failed)
                    before = now
                    let json = String(decoding: try JSONEncoder().encode(event), as: UTF8.self)
                    try await writer.write(ByteBuffer(string: "event: figures\ndata: \(json)\n\n"))
                    sent += 1
                    if limit.map({ sent < $0 }) ?? true { try await Task.sleep(for: .seconds(1)) }
                }
                try await writer.finish(nil)
            })
        }
    }

    /// `?events=N` ends the stream after N events (for scripts and tests); without it, it runs
    /// while the page is open.
    private func eventLimit(_ request: Request) throws -> Int? {
        guard let text = request.uri.queryParameters.get("events").map({ String($0) }) else { return nil }
        guard let n = Int(text), (1...3600).contains(n) else { throw Problem.validation("events is a whole number from 1 to 3600", field: "events") }
        return n
    }
}

/// One second of the dashboard, as the page reads it.
struct DashboardEvent: Codable {
    struct Second: Codable {
        let at: Int64
        let orders: Int64
        let gmv: ProductDocument.Amount
    }

    struct TopSKU: Codable {
        let skuId: String
        let name: String
        let units: Int64
    }

    let seconds: [Second]
    let top: [TopSKU]
    /// Answers in the last second, and those refused (4xx) or failed (5xx).
    let answered: Int
    let refused: Int
    let failed: Int

    init(_ figures: LiveSales.Figures, answered: Int, refused: Int, failed: Int) {
        seconds = figures.seconds.map { Second(at: $0.second, orders: $0.orders, gmv: .init($0.gmv)) }
        top = figures.top.map { TopSKU(skuId: $0.skuID, name: $0.name, units: $0.units) }
        self.answered = answered
        self.refused = refused
        self.failed = failed
    }
}
