import Commerce
import Foundation
import Hummingbird
import Services
import Storage

/// Ops' application pages: the queue, a file, and the decision form.
struct ApplicationReviewRoutes<Context: RequestContext> {
    let review: ApplicationReview
    let documents: DocumentService
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
            let listed = try await documents.documents(of: file.application.id)
            return pages.page(request) { csrf, l in ApplicationReviewPages.file(file, documents: listed, csrf: csrf, language: l) }
        }
        router.get("/ops/applications/:id/documents/:document") { request, context in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            return try await ApplicationReviewAPI<Context>.download(documents, context.parameters.get("document") ?? "", of: context.parameters.get("id") ?? "")
        }
        router.post("/ops/applications/:id/documents/:document/review") { request, context in
            let form = try await pages.postedForm(request)
            try await OpsAuthorization.require(request, configuration)
            let id = context.parameters.get("id") ?? ""
            guard let verdict = StoredDocument.Review(rawValue: form["review"] ?? ""), verdict != .pending else {
                throw Problem.validation("a review is accepted or rejected", field: "review")
            }
            do {
                try await store.apply(try await documents.reviewing(context.parameters.get("document") ?? "", of: id, as: verdict,
                                                                    reviewer: form["reviewer"] ?? "", note: form["note"], at: Date()))
                return pages.redirect(to: "/ops/applications/\(id)")
            } catch let failure as ReviewFailure {
                return try await refused(id, Self.words(failure), form: form, request: request)
            } catch DocumentFailure.noteRequired {
                return try await refused(id, LocalizedText(en: "Say why the document is rejected: the applicant sees it.", zh: "请说明驳回理由，申请人可见。"),
                                         form: form, request: request)
            }
        }
        router.post("/ops/applications/:id/decisions") { request, context in
            let form = try await pages.postedForm(request)
            try await OpsAuthorization.require(request, configuration)
            let id = context.parameters.get("id") ?? ""
            guard let kind = ApplicationDecision.Kind(rawValue: form["decision"] ?? "") else { throw Problem.validation("no such decision", field: "decision") }
            do {
                let (changes, _) = try await review.deciding(kind, on: id, reviewer: form["reviewer"] ?? "", reason: form["reason"], at: Date())
                try await store.apply(changes)
                return pages.redirect(to: "/ops/applications/\(id)")
            } catch let failure as ReviewFailure {
                return try await refused(id, Self.words(failure), form: form, request: request)
            }
        }
    }

    /// The file again, the refusal above its forms.
    private func refused(_ id: String, _ words: LocalizedText, form: [String: String], request: Request) async throws -> Response {
        let l = LanguageChoice.language(of: request)
        let file = try await review.file(id, at: Date())
        let listed = try await documents.documents(of: id)
        return Responses.html(ApplicationReviewPages.file(file, documents: listed, csrf: form["csrf"] ?? "", error: words(l), language: l),
                              status: .unprocessableContent)
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
