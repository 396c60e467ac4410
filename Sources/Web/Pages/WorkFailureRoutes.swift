import Commerce
import Foundation
import Hummingbird
import Money
import Services
import Storage

/// Ops' queue of background work that keeps failing (`WorkFailures`): what it was, how often it
/// failed and why, and a retry once the cause is fixed; as a page and as JSON.
struct WorkFailureRoutes<Context: RequestContext> {
    let store: any Store
    var failures: WorkFailures { WorkFailures(store: store) }
    let idempotency: IdempotencyService
    let accounts: AccountService
    let configuration: WebConfiguration

    var pages: PageResponses { PageResponses(accounts: accounts, configuration: configuration) }

    struct RetryInput: Decodable {
        let work: String
        let item: String
    }

    func register(on router: Router<Context>) {
        router.get("/api/v1/ops/work-failures") { request, _ in
            try await OpsAuthorization.require(request, configuration)
            return try Responses.json(WorkFailureList(try await failures.all()))
        }
        router.post("/api/v1/ops/work-failures/retry") { request, _ in
            try await OpsAuthorization.require(request, configuration)
            return try await idempotency.respond(to: request, principal: "ops", limit: configuration.maxBodyBytes, status: 200) { body in
                let input = try RequestBody.json(RetryInput.self, from: body)
                return (try await retrying(input), try Responses.jsonBytes(["work": input.work, "item": input.item]))
            }
        }
        router.get("/ops/failures") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let listed = try await failures.all()
            return pages.page(request) { csrf, l in WorkFailurePages.queue(listed, csrf: csrf, language: l) }
        }
        router.post("/ops/failures/retry") { request, _ in
            let form = try await pages.postedForm(request)
            try await OpsAuthorization.require(request, configuration)
            try await store.apply(try await retrying(RetryInput(work: form["work"] ?? "", item: form["item"] ?? "")))
            return Response(status: .seeOther, headers: [.location: "/ops/failures"])
        }
    }

    private func retrying(_ input: RetryInput) async throws -> [Change] {
        guard let changes = try await failures.retrying(input.work, item: input.item) else {
            throw Problem(type: "not-found", title: "Not found", status: .notFound,
                          detail: "no failing \(input.work) work named \(input.item)", field: "item")
        }
        return changes
    }
}

struct WorkFailureList: Encodable {
    struct Entry: Encodable {
        let work: String
        let item: String
        let attempts: Int64
        let lastError: String
        let firstFailedAt: String
        let lastFailedAt: String
        let parked: Bool
    }

    let parkAfter: Int64
    let failures: [Entry]

    init(_ failures: [WorkFailure]) {
        parkAfter = WorkFailures.parkAfter
        self.failures = failures.map {
            Entry(work: $0.work, item: $0.item, attempts: $0.attempts, lastError: $0.lastError, firstFailedAt: $0.firstFailedAt.ISO8601Format(),
                  lastFailedAt: $0.lastFailedAt.ISO8601Format(), parked: $0.parked)
        }
    }
}

enum WorkFailurePages {
    static func queue(_ failures: [WorkFailure], csrf: String, language l: Language) -> String {
        let rows = failures.map { failure in
            """
            <tr data-work="\(escapeHTML(failure.work))" data-item="\(escapeHTML(failure.item))" data-parked="\(failure.parked)">
            <td>\(escapeHTML(failure.work))</td><td><code>\(escapeHTML(failure.item))</code></td><td>\(failure.attempts)</td>
            <td>\(escapeHTML(failure.lastError))</td><td>\(escapeHTML(BeijingTime.text(failure.lastFailedAt)))</td>
            <td>\(escapeHTML((failure.parked ? parked : failing)(l)))</td>
            <td><form method="post" action="/ops/failures/retry">\(BrowserSession.hiddenField(csrf))
            <input type="hidden" name="work" value="\(escapeHTML(failure.work))"><input type="hidden" name="item" value="\(escapeHTML(failure.item))">
            <button type="submit">\(escapeHTML(retry(l)))</button></form></td></tr>
            """
        }.joined()
        let main = """
            <section class="panel failures"><h1>\(escapeHTML(title(l)))</h1>
            <p class="note">\(escapeHTML(explanation(l)))</p>
            <table class="failures"><thead><tr><th>\(escapeHTML(work(l)))</th><th>\(escapeHTML(item(l)))</th><th>\(escapeHTML(attempts(l)))</th>
            <th>\(escapeHTML(lastError(l)))</th><th>\(escapeHTML(lastFailed(l)))</th><th></th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            </section>
            """
        return Layout.page(title: title(l), language: l, path: "/ops/failures", main: main)
    }

    static let title = LocalizedText(en: "Background work that failed", zh: "后台任务失败")
    static let explanation = LocalizedText(
        en: "Each item is retried every round; after \(WorkFailures.parkAfter) failures it is parked here until you retry it.",
        zh: "每轮都会重试；失败 \(WorkFailures.parkAfter) 次后暂停，等待您在此重试。")
    static let work = LocalizedText(en: "Work", zh: "任务")
    static let item = LocalizedText(en: "Item", zh: "对象")
    static let attempts = LocalizedText(en: "Attempts", zh: "次数")
    static let lastError = LocalizedText(en: "Last error", zh: "最近错误")
    static let lastFailed = LocalizedText(en: "Last failed (Beijing time)", zh: "最近失败（北京时间）")
    static let parked = LocalizedText(en: "parked", zh: "已暂停")
    static let failing = LocalizedText(en: "retrying", zh: "重试中")
    static let retry = LocalizedText(en: "Retry", zh: "重试")
}

/// Times as ops and buyers read them: Beijing time (UTC+8, no daylight saving), the zone named.
enum BeijingTime {
    static func text(_ instant: Date) -> String {
        let style = Date.ISO8601FormatStyle(timeZone: TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt)
            .year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon)
        return instant.formatted(style).replacingOccurrences(of: "T", with: " ") + " (UTC+8)"
    }
}
