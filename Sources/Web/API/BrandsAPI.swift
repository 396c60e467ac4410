import Commerce
import Foundation
import Hummingbird
import Services
import Storage

/// Brand protection by API: merchants file their authorisations, ops review them; buyers and
/// brand owners report counterfeits, ops act on the cases.
struct BrandsAPI<Context: RequestContext> {
    let brands: BrandAuthorisationService
    let counterfeits: CounterfeitService
    let keys: MerchantKeyService
    let accounts: AccountService
    let idempotency: IdempotencyService
    let configuration: WebConfiguration

    struct ReviewInput: Decodable {
        let review: String
        let reviewer: String
        let note: String?
    }

    struct ActionInput: Decodable {
        let action: String
        let reviewer: String
        let note: String?
    }

    func register(on router: Router<Context>) {
        router.get("/api/v1/merchant/brand-authorisations") { request, _ in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            return try Responses.json(BrandDocuments.AuthorisationList(authorisations: try await brands.authorisations(of: merchant.id)
                .map { BrandDocuments.Authorisation($0, merchantView: true) }))
        }
        router.post("/api/v1/merchant/brand-authorisations") { request, _ in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            return try await idempotency.respond(to: request, principal: "merchant:\(merchant.id)", limit: configuration.maxBodyBytes,
                                                 status: 201) { body in
                let draft = try RequestBody.json(BrandAuthorisationDraft.self, from: body)
                let (changes, filed) = try brands.filing(draft, for: merchant.id, at: Date())
                let document = BrandDocuments.Authorisation(filed, merchantName: merchant.name.en, filedAt: Date())
                return (changes, try Responses.jsonBytes(document))
            }
        }
        router.get("/api/v1/ops/brand-authorisations") { request, _ in
            try await OpsAuthorization.require(request, configuration)
            let status = try QueryParameter.choice(request, "status", of: BrandAuthorisation.Status.self)
            return try Responses.json(BrandDocuments.AuthorisationList(authorisations: try await brands.queue(status: status)
                .map { BrandDocuments.Authorisation($0, merchantView: false) }))
        }
        router.post("/api/v1/ops/brand-authorisations/:id/review") { request, context in
            try await OpsAuthorization.require(request, configuration)
            let id = context.parameters.get("id") ?? ""
            let response = try await idempotency.respond(to: request, principal: "ops", limit: configuration.maxBodyBytes, status: 200) { body in
                let input = try RequestBody.json(ReviewInput.self, from: body)
                guard let verdict = BrandAuthorisation.Status(rawValue: input.review), verdict != .pending else {
                    throw Problem.validation("a review is accepted or rejected", field: "review")
                }
                let changes = try await brands.reviewing(id, as: verdict, signed: try ReviewerNote(reviewer: input.reviewer, note: input.note),
                                                         at: Date())
                return (changes, try Responses.jsonBytes(["id": id, "status": verdict.rawValue]))
            }
            // An acceptance puts back on sale what it covers now, not at the next round.
            try await brands.coverageRound(at: Date())
            return response
        }
        router.post("/api/v1/counterfeit-reports") { request, _ in
            let buyer = try await BrowserSession.consumer(request, accounts: accounts)
            return try await idempotency.respond(to: request, principal: buyer.map { "consumer:\($0.id)" } ?? "anyone",
                                                 limit: configuration.maxBodyBytes, status: 201) { body in
                let draft = try RequestBody.json(CounterfeitReportDraft.self, from: body)
                let (changes, caseID) = try await counterfeits.reporting(draft, buyer: buyer?.id, at: Date())
                return (changes, try Responses.jsonBytes(BrandDocuments.ReportReceipt(caseId: caseID)))
            }
        }
        router.get("/api/v1/ops/counterfeit-cases") { request, _ in
            try await OpsAuthorization.require(request, configuration)
            let status = try QueryParameter.choice(request, "status", of: CounterfeitCaseStatus.self)
            return try Responses.json(BrandDocuments.CaseList(cases: try await counterfeits.cases(status: status).map(BrandDocuments.Case.init)))
        }
        router.get("/api/v1/ops/counterfeit-cases/:id") { request, context in
            try await OpsAuthorization.require(request, configuration)
            return try Responses.json(BrandDocuments.CaseFile(try await counterfeits.file(context.parameters.get("id") ?? "")))
        }
        router.post("/api/v1/ops/counterfeit-cases/:id/actions") { request, context in
            try await OpsAuthorization.require(request, configuration)
            let id = context.parameters.get("id") ?? ""
            return try await idempotency.respond(to: request, principal: "ops", limit: configuration.maxBodyBytes, status: 200) { body in
                let input = try RequestBody.json(ActionInput.self, from: body)
                guard let action = CounterfeitAction(rawValue: input.action) else {
                    throw Problem.validation("an action is \(CounterfeitAction.allCases.map(\.rawValue).joined(separator: " or "))", field: "action")
                }
                let (changes, status) = try await counterfeits.acting(
                    action, on: id, signed: try ReviewerNote(reviewer: input.reviewer, note: input.note), at: Date())
                return (changes, try Responses.jsonBytes(["id": id, "status": status.rawValue]))
            }
        }
    }
}
