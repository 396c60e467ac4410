import Commerce
import Foundation
import Hummingbird
import Services
import Storage

/// Ops' application pages: the queue, a file, and the decision form.
struct ApplicationReviewRoutes<Context: RequestContext> {
    let review: ApplicationReview
    let store: any Store
    let pages: PageResponses

    var configuration: WebConfiguration { pages.configuration }

    func register(on router: Router<Context>) {
        router.get("/ops/applications") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let filter = try ApplicationReviewAPI<Context>.statuses(request)
            let entries = try await review.queue(statuses: filter)
            return pages.page(request) { _, l in ApplicationReviewPages.queue(entries, filter: filter, language: l) }
        }
        router.get("/ops/applications/:id") { request, context in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let file = try await review.file(context.parameters.get("id") ?? "", at: Date())
            return pages.page(request) { csrf, l in ApplicationReviewPages.file(file, csrf: csrf, language: l) }
        }
        router.post("/ops/applications/:id/decisions") { request, context in
            let form = try await pages.postedForm(request)
            try await OpsAuthorization.require(request, configuration)
            let id = context.parameters.get("id") ?? ""
            let l = LanguageChoice.language(of: request)
            guard let kind = ApplicationDecision.Kind(rawValue: form["decision"] ?? "") else { throw Problem.validation("no such decision", field: "decision") }
            do {
                let (changes, _) = try await review.deciding(kind, on: id, reviewer: form["reviewer"] ?? "", reason: form["reason"], at: Date())
                try await store.apply(changes)
                return pages.redirect(to: "/ops/applications/\(id)")
            } catch let failure as ReviewFailure {
                let file = try await review.file(id, at: Date())
                return Responses.html(ApplicationReviewPages.file(file, csrf: form["csrf"] ?? "", error: Self.words(failure)(l), language: l),
                                      status: .unprocessableContent)
            }
        }
    }

    static func words(_ failure: ReviewFailure) -> LocalizedText {
        switch failure {
        case .notUnderReview: LocalizedText(en: "This decision does not fit where the application stands now.", zh: "该申请当前的状态不能作出此决定。")
        case .checksOutstanding: LocalizedText(en: "A check has not answered yet, or failed: it cannot be approved yet.", zh: "有核验尚未返回或未通过，暂不能批准。")
        case .sameReviewer: LocalizedText(en: "You approved it already: the second approval must come from someone else.", zh: "您已批准过：第二次批准须由另一人作出。")
        case .reasonRequired: LocalizedText(en: "Give a reason: the applicant sees it.", zh: "请填写理由，申请人可见。")
        case .reviewerRequired: LocalizedText(en: "Give your name: decisions are recorded with it.", zh: "请填写审核人姓名，决定将随之记录。")
        case .characters: LocalizedText(en: "The name or reason has control characters.", zh: "姓名或理由中含有控制字符。")
        }
    }
}
