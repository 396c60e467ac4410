import Commerce
import Foundation
import Hummingbird
import Services
import Storage

/// The pages of brand protection: a product's counterfeit report, ops' brand authorisations and
/// counterfeit cases. Each acts through the same services as the API.
struct BrandRoutes<Context: RequestContext> {
    let brands: BrandAuthorisationService
    let counterfeits: CounterfeitService
    let catalog: CatalogService
    let accounts: AccountService
    let keys: MerchantKeyService
    let store: any Store
    let pages: PageResponses

    var configuration: WebConfiguration { pages.configuration }

    func register(on router: Router<Context>) {
        router.get("/products/:id/report") { request, context in
            let product = try await reported(context)
            let buyer = try await BrowserSession.consumer(request, accounts: accounts)
            return pages.page(request) { csrf, l in BrandPages.report(product, signedIn: buyer != nil, csrf: csrf, language: l) }
        }
        router.post("/products/:id/report") { request, context in
            let form = try await pages.postedForm(request)
            let product = try await reported(context)
            let buyer = try await BrowserSession.consumer(request, accounts: accounts)
            let draft = CounterfeitReportDraft(productId: product.id, reason: form["reason"], reporterName: form["reporterName"], email: form["email"])
            let l = LanguageChoice.language(of: request)
            do {
                try await store.apply(try await counterfeits.reporting(draft, buyer: buyer?.id, at: Date()).changes)
                return Responses.html(BrandPages.report(product, signedIn: buyer != nil, csrf: form["csrf"] ?? "", done: true, language: l))
            } catch let refusal as BrandRefusal {
                return Responses.html(BrandPages.report(product, signedIn: buyer != nil, csrf: form["csrf"] ?? "", draft: draft, refusal: refusal,
                                                        language: l), status: .unprocessableContent)
            }
        }
        router.get("/merchant/brands") { request, _ in
            guard let merchant = try await MerchantAuthorization.signedIn(request, keys: keys, configuration) else {
                return pages.redirect(to: "/merchant/signin")
            }
            let filed = try await brands.authorisations(of: merchant.id)
            return pages.page(request) { csrf, l in BrandPages.merchantBrands(filed, merchant: merchant, csrf: csrf, language: l) }
        }
        router.post("/merchant/brands") { request, _ in
            let form = try await pages.postedForm(request)
            guard let merchant = try await MerchantAuthorization.signedIn(request, keys: keys, configuration) else {
                return pages.redirect(to: "/merchant/signin")
            }
            // A class that is not a number is kept as 0, which the rule names as no Nice class.
            let classes = form["classes"].map { $0.split(whereSeparator: { $0 == "," || $0 == " " }).map { Int($0) ?? 0 } }
            let draft = BrandAuthorisationDraft(brand: form["brand"], kind: form["kind"], owner: form["owner"], office: form["office"],
                                                registrationNumber: form["registrationNumber"], classes: classes,
                                                validFrom: form["validFrom"], validUntil: form["validUntil"])
            do {
                try await store.apply(try brands.filing(draft, for: merchant.id, at: Date()).changes)
                return pages.redirect(to: "/merchant/brands")
            } catch let refusal as BrandRefusal {
                let filed = try await brands.authorisations(of: merchant.id)
                return Responses.html(BrandPages.merchantBrands(filed, merchant: merchant, csrf: form["csrf"] ?? "", draft: draft, refusal: refusal,
                                                               language: LanguageChoice.language(of: request)), status: .unprocessableContent)
            }
        }
        router.get("/ops/brands") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let status = try QueryParameter.choice(request, "status", of: BrandAuthorisation.Status.self)
            let filed = try await brands.queue(status: status)
            return pages.page(request) { csrf, l in BrandPages.authorisations(filed, status: status, csrf: csrf, language: l) }
        }
        router.post("/ops/brands/:id/review") { request, context in
            let form = try await pages.postedForm(request)
            try await OpsAuthorization.require(request, configuration)
            guard let verdict = BrandAuthorisation.Status(rawValue: form["review"] ?? ""), verdict != .pending else {
                throw Problem.validation("a review is accepted or rejected", field: "review")
            }
            do {
                let signed = try ReviewerNote(reviewer: form["reviewer"] ?? "", note: form["note"])
                try await store.apply(try await brands.reviewing(context.parameters.get("id") ?? "", as: verdict, signed: signed, at: Date()))
                try await brands.coverageRound(at: Date())
                return pages.redirect(to: "/ops/brands?status=pending")
            } catch let failure as ReviewFailure {
                return try await refusedReview(ApplicationReviewRoutes<Context>.words(failure), form: form, request: request)
            } catch BrandFailure.noteRequired {
                return try await refusedReview(LocalizedText(en: "Say why it is rejected: the merchant sees the note.", zh: "请说明驳回理由，商家可见。"),
                                               form: form, request: request)
            }
        }
        router.get("/ops/counterfeits") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let status = try QueryParameter.choice(request, "status", of: CounterfeitCaseStatus.self)
            let cases = try await counterfeits.cases(status: status)
            return pages.page(request) { _, l in BrandPages.cases(cases, status: status, language: l) }
        }
        router.get("/ops/counterfeits/:id") { request, context in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let file = try await counterfeits.file(context.parameters.get("id") ?? "")
            return pages.page(request) { csrf, l in BrandPages.file(file, csrf: csrf, language: l) }
        }
        router.post("/ops/counterfeits/:id/actions") { request, context in
            let form = try await pages.postedForm(request)
            try await OpsAuthorization.require(request, configuration)
            let id = context.parameters.get("id") ?? ""
            guard let action = CounterfeitAction(rawValue: form["action"] ?? "") else { throw Problem.validation("no such action", field: "action") }
            let l = LanguageChoice.language(of: request)
            do {
                let signed = try ReviewerNote(reviewer: form["reviewer"] ?? "", note: form["note"])
                try await store.apply(try await counterfeits.acting(action, on: id, signed: signed, at: Date()).changes)
                return pages.redirect(to: "/ops/counterfeits/\(id)")
            } catch let failure as ReviewFailure {
                let file = try await counterfeits.file(id)
                return Responses.html(BrandPages.file(file, csrf: form["csrf"] ?? "", error: ApplicationReviewRoutes<Context>.words(failure)(l), language: l),
                                      status: .unprocessableContent)
            }
        }
    }

    /// The product a report is about: on sale, or withdrawn already (a buyer may still report
    /// what they bought).
    private func reported(_ context: Context) async throws -> Product {
        guard let product = try await catalog.product(id: context.parameters.get("id") ?? "", includingWithdrawn: true) else {
            throw Problem.notFound
        }
        return product
    }

    private func refusedReview(_ words: LocalizedText, form: [String: String], request: Request) async throws -> Response {
        let l = LanguageChoice.language(of: request)
        let filed = try await brands.queue(status: .pending)
        return Responses.html(BrandPages.authorisations(filed, status: .pending, csrf: form["csrf"] ?? "", error: words(l), language: l),
                              status: .unprocessableContent)
    }
}
