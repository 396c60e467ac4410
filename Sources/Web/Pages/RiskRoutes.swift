import Commerce
import Foundation
import Hummingbird
import Money
import Services

/// Ops' risk console: the rules (edit, dry run, versions), the cases the rules opened, and what
/// ops do about them.
struct RiskRoutes<Context: RequestContext> {
    let rules: RiskRuleService
    let cases: RiskCaseService
    let pages: PageResponses
    let configuration: WebConfiguration

    func register(on router: Router<Context>) {
        router.get("/ops/risk") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            return try await rulesPage(request, draft: nil)
        }
        router.post("/ops/risk/rules") { request, _ in
            let form = try await pages.postedForm(request)
            try await OpsAuthorization.require(request, configuration)
            let text = form["rules"] ?? ""
            let days = Int(form["days"] ?? "") ?? 7
            do {
                if form["intent"] == "dry-run" {
                    return try await rulesPage(request, draft: .init(text: text, days: days, refusal: nil))
                }
                try await rules.save(text, author: "ops", note: form["note"] ?? "", at: Date())
                return pages.redirect(to: "/ops/risk?saved=1")
            } catch let problem as RiskRuleSet.Problem {
                var response = try await rulesPage(request, draft: .init(text: text, days: days, refusal: problem))
                response.status = .unprocessableContent
                return response
            }
        }
        router.get("/ops/risk/cases") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let status = request.uri.queryParameters.get("status").flatMap { ["open", "cleared", "actioned"].contains($0) ? $0 : nil }
            let page = Layout.pageNumber(request.uri.queryParameters.get("page"))
            let found = try await cases.cases(status: status, limit: Layout.perPage + 1, offset: (page - 1) * Layout.perPage)
            return pages.page(request) { _, l in RiskPages.cases(found, status: status, page: page, language: l) }
        }
        router.get("/ops/risk/cases/:id") { request, context in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            guard let detail = try await cases.detail(context.parameters.get("id") ?? "") else { throw Problem.notFound }
            return pages.page(request) { csrf, l in RiskPages.detail(detail, csrf: csrf, refused: nil, language: l) }
        }
        router.get("/ops/risk/cases/:id/export.json") { request, context in
            try await OpsAuthorization.require(request, configuration)
            let id = context.parameters.get("id") ?? ""
            guard let document = try await cases.export(id) else { throw Problem.notFound }
            var response = Responses.text(String(decoding: document, as: UTF8.self), contentType: "application/json")
            response.headers[.contentDisposition] = "attachment; filename=\"case-\(id).json\""
            return response
        }
        router.post("/ops/risk/cases/:id/actions") { request, context in
            let form = try await pages.postedForm(request)
            try await OpsAuthorization.require(request, configuration)
            let id = context.parameters.get("id") ?? ""
            let action: RiskCaseService.Action? = switch form["action"] {
            case "clear": .clear
            case "block": form["kind"].flatMap { ["identity", "address", "phone", "device", "payer"].contains($0) ? $0 : nil }
                .map { .block(kind: $0, key: form["key"] ?? "") }
            case "release": .release(orderID: form["order"] ?? "")
            case "cancel": .cancel(orderID: form["order"] ?? "")
            default: nil
            }
            guard let action else { throw Problem.validation("the action is clear, block, release or cancel", field: "action") }
            do {
                try await cases.act(action, on: id, by: "ops", note: form["note"] ?? "", at: Date())
                return pages.redirect(to: "/ops/risk/cases/\(id)")
            } catch let refused as RiskCaseService.Refused {
                guard let detail = try await cases.detail(id) else { throw Problem.notFound }
                var response = pages.page(request) { csrf, l in RiskPages.detail(detail, csrf: csrf, refused: refused.message, language: l) }
                response.status = .unprocessableContent
                return response
            }
        }
    }

    private func rulesPage(_ request: Request, draft: RiskPages.Draft?) async throws -> Response {
        let current = try await rules.current()
        var dryRun: RiskRuleService.DryRun?
        if let draft, draft.refusal == nil { dryRun = try await rules.dryRun(draft.text, days: draft.days, at: Date()) }
        let merchants = try await cases.merchantConcentration()
        let saved = request.uri.queryParameters.get("saved") != nil
        return pages.page(request) { csrf, l in
            RiskPages.rules(current.rules, version: current.version, history: current.history, draft: draft, dryRun: dryRun,
                            merchants: merchants, saved: saved, csrf: csrf, language: l)
        }
    }
}
