import Commerce
import Foundation
import Hummingbird
import Services
import Storage

/// The public application page: the draft this browser is working on (its number and key in a
/// cookie), saved, resumed elsewhere with the number and key, and submitted.
struct ApplicationRoutes<Context: RequestContext> {
    let applications: MerchantApplicationService
    let review: ApplicationReview
    let documents: DocumentService
    let keys: MerchantKeyService
    let store: any Store
    let pages: PageResponses

    static var cookieName: String { "application" }

    func register(on router: Router<Context>) {
        router.get("/merchants/apply") { request, _ in
            let page = try await shown(try await current(request), notice: nil)
            return pages.page(request) { csrf, l in ApplicationPage.render(page, csrf: csrf, language: l) }
        }
        router.post("/merchants/apply") { request, _ in
            let form = try await pages.postedForm(request)
            let l = LanguageChoice.language(of: request)
            let application = ApplicationForm.application(from: form)
            let existing = try await current(request)
            var saved: StoredApplication?
            do {
                // Saved first, so that what was typed is kept even when submitting is refused.
                let (changes, stored) = if let existing {
                    try await applications.saving(application, id: existing.id, key: applications.resumeKey(for: existing.id),
                                                  revision: Int64(form["revision"] ?? ""), at: Date())
                } else {
                    try applications.starting(application, at: Date())
                }
                try await store.apply(changes)
                saved = stored
                var final = stored
                var notice = ApplicationWords.saved
                if form["action"] == "submit" {
                    let (changes, submitted) = try await applications.submitting(id: final.id, key: applications.resumeKey(for: final.id),
                                                                                 revision: final.revision, at: Date())
                    try await store.apply(changes)
                    final = submitted
                    notice = ApplicationWords.submittedNotice
                }
                var response = Responses.html(ApplicationPage.render(try await shown(final, notice: notice), csrf: form["csrf"] ?? "", language: l))
                response.setCookie(cookie(for: final))
                return response
            } catch let refusal as ApplicationRefusal {
                // The form comes back as it was typed, each refusal beside its field.
                var page = try await shown(saved ?? existing, notice: nil)
                page.values = form
                page.problems = refusal.problems
                var response = Responses.html(ApplicationPage.render(page, csrf: form["csrf"] ?? "", language: l), status: .unprocessableContent)
                if let saved { response.setCookie(cookie(for: saved)) }
                return response
            } catch ApplicationFailure.staleRevision {
                var page = try await shown(existing, notice: ApplicationWords.savedElsewhere)
                page.values = form
                return Responses.html(ApplicationPage.render(page, csrf: form["csrf"] ?? "", language: l), status: .conflict)
            }
        }
        router.post("/merchants/apply/documents") { request, _ in
            // The page's script sends the file as the body and the CSRF token in the query.
            try BrowserSession.checkCSRF(request, form: ["csrf": request.uri.queryParameters.get("csrf").map { String($0) } ?? ""],
                                         cipher: pages.configuration.cipher)
            let l = LanguageChoice.language(of: request)
            do {
                guard let stored = try await current(request) else { throw ApplicationFailure.notFound }
                let kind = try MerchantApplicationsAPI<Context>.documentKind(request)
                let body = try await RequestBody.bytes(request, limit: DocumentRules.maxBytes + 1)
                let (changes, document) = try documents.uploading(body, claimed: request.headers[.contentType], kind: kind, to: stored, at: Date())
                try await store.apply(changes)
                return try Responses.json(ApplicationDocuments.Document(document), status: .created)
            } catch let problem as DocumentProblem {
                return Problem.document(problem, language: l).response()
            } catch {
                guard let problem = Problem.from(error) else { throw error }
                return problem.response()
            }
        }
        router.post("/merchants/apply/key") { request, _ in
            let form = try await pages.postedForm(request)
            guard let stored = try await current(request), stored.status == .approved, let merchant = stored.merchantID else {
                throw ApplicationFailure.notFound
            }
            let key = try await keys.issue(merchantID: merchant, label: "issued to the applicant \(stored.id)", at: Date())
            var page = try await shown(stored, notice: nil)
            page.issuedKey = key
            var response = Responses.html(ApplicationPage.render(page, csrf: form["csrf"] ?? "", language: LanguageChoice.language(of: request)))
            response.headers[.cacheControl] = "no-store"
            return response
        }
        router.post("/merchants/apply/resume") { request, _ in
            let form = try await pages.postedForm(request)
            let l = LanguageChoice.language(of: request)
            do {
                let stored = try await applications.application(id: form["id"] ?? "", key: form["key"]?.trimmingCharacters(in: .whitespaces) ?? "")
                return pages.redirect(to: "/merchants/apply", setting: cookie(for: stored))
            } catch ApplicationFailure.notFound {
                return Responses.html(ApplicationPage.render(ApplicationPage.Shown(resumeRefused: true), csrf: form["csrf"] ?? "", language: l),
                                      status: .notFound)
            }
        }
        router.post("/merchants/apply/new") { request, _ in
            _ = try await pages.postedForm(request)
            return pages.redirect(to: "/merchants/apply", setting: Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/merchants/apply",
                                                                          httpOnly: true, sameSite: .lax))
        }
    }

    /// The application this browser's cookie opens, if it still does.
    private func current(_ request: Request) async throws -> StoredApplication? {
        guard let value = request.cookies[Self.cookieName]?.value, let dot = value.firstIndex(of: ".") else { return nil }
        do {
            return try await applications.application(id: String(value[..<dot]), key: String(value[value.index(after: dot)...]))
        } catch ApplicationFailure.notFound {
            return nil
        }
    }

    /// The page as `stored` stands: its values, key, checks, ops' notes and documents.
    private func shown(_ stored: StoredApplication?, notice: LocalizedText?) async throws -> ApplicationPage.Shown {
        var page = ApplicationPage.Shown(stored: stored, values: stored.map { ApplicationForm.values(of: $0.application) } ?? [:], notice: notice,
                                         resumeKey: stored.map { applications.resumeKey(for: $0.id) })
        if let stored {
            page.file = try await review.file(stored, at: Date())
            page.documents = try await documents.documents(of: stored.id)
        }
        return page
    }

    private func cookie(for stored: StoredApplication) -> Cookie {
        Cookie(name: Self.cookieName, value: "\(stored.id).\(applications.resumeKey(for: stored.id))", maxAge: 90 * 24 * 3600,
               path: "/merchants/apply", httpOnly: true, sameSite: .lax)
    }
}
