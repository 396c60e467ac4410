import Commerce
import Foundation
import Hummingbird
import Services
import Storage

/// A partner bank's console (/bank, signed in at /bank/signin with its key) and its flagship
/// store's page, which anyone can browse.
struct BankRoutes<Context: RequestContext> {
    let banks: PartnerBankService
    let onboarding: ClientOnboardingService
    let clients: PartnerBankClients
    let search: CatalogSearch
    let rates: RateService
    let idempotency: IdempotencyService
    let pages: PageResponses

    var configuration: WebConfiguration { pages.configuration }

    func register(on router: Router<Context>) {
        router.get("/bank") { request, _ in
            guard let bank = try await BankAuthorization.signedIn(request, banks: banks, configuration) else { return pages.redirect(to: "/bank/signin") }
            let (applications, merchants) = (try await clients.applications(of: bank.id), try await clients.merchants(of: bank.id))
            return pages.page(request) { csrf, l in
                BankPages.console(bank, applications: applications, merchants: merchants, csrf: csrf, form: Secrets.token(), language: l)
            }
        }
        router.post("/bank/clients") { request, _ in
            let form = try await pages.postedForm(request, limit: configuration.maxImportBytes)
            guard let bank = try await BankAuthorization.signedIn(request, banks: banks, configuration) else { return pages.redirect(to: "/bank/signin") }
            let l = LanguageChoice.language(of: request)
            let key = try IdempotencyService.validate(key: form["key"])
            let csv = form["csv"] ?? ""
            let outcome: BankPages.Outcome
            var status: HTTPResponse.Status = .ok
            do {
                let done = try await idempotency.perform(scope: "bank:\(bank.id) POST /bank/clients", key: key, request: Array(csv.utf8), at: Date()) {
                    let (batch, lines) = try ClientCSV.clients(csv)
                    let (changes, introduced) = try await onboarding.onboarding(batch, lines: lines, by: bank, at: Date())
                    return (changes, StoredResponse(status: 201, contentType: "application/json", body: try Responses.jsonBytes(BankDocuments.Onboarded(introduced))))
                }
                outcome = .onboarded(try JSONDecoder().decode(BankDocuments.Onboarded.self, from: Data(done.response.body)).clients)
            } catch let refusal as OnboardingRefusal {
                outcome = .refused(Problem.onboarding(refusal, language: l).errors ?? [])
                status = .unprocessableContent
            }
            let (applications, merchants) = (try await clients.applications(of: bank.id), try await clients.merchants(of: bank.id))
            // A refused file stays in the form, to be put right; an onboarded one is cleared. Either way the
            // form gets a new key: the one sent belongs to this submission, which a double click replays.
            let kept: String
            if case .refused = outcome { kept = csv } else { kept = "" }
            return Responses.html(BankPages.console(bank, applications: applications, merchants: merchants, csrf: form["csrf"] ?? "",
                                                    form: Secrets.token(), csv: kept, outcome: outcome, language: l), status: status)
        }
        router.get("/flagships/:slug") { request, context in
            guard let bank = try await banks.bank(flagship: context.parameters.get("slug") ?? ""), let flagship = bank.flagship else {
                throw Problem.notFound
            }
            var query = try ProductQueryParameters.read(request)
            query.partnerBankID = bank.id
            query.text = nil
            async let page = search.search(query)
            async let book = rates.book()
            return Responses.html(BankPages.flagship(bank, flagship, page: try await page, rates: try await book, now: Date(),
                                                     language: LanguageChoice.language(of: request)))
        }
    }
}
