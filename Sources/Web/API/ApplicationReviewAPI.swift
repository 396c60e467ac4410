import Commerce
import Foundation
import Hummingbird
import Services
import Storage

/// Ops' review of applications by API: the queue, the whole file, and decisions.
struct ApplicationReviewAPI<Context: RequestContext> {
    let review: ApplicationReview
    let idempotency: IdempotencyService
    let configuration: WebConfiguration

    struct DecisionInput: Decodable {
        let decision: String
        let reviewer: String
        let reason: String?
    }

    func register(on router: Router<Context>) {
        router.get("/api/v1/ops/merchant-applications") { request, _ in
            try await OpsAuthorization.require(request, configuration)
            return try Responses.json(ApplicationDocuments.QueueDocument(try await review.queue(statuses: try Self.statuses(request))))
        }
        router.get("/api/v1/ops/merchant-applications/:id") { request, context in
            try await OpsAuthorization.require(request, configuration)
            let file = try await review.file(context.parameters.get("id") ?? "", at: Date())
            return try Responses.json(ApplicationDocuments.ReviewFile(file, language: LanguageChoice.language(of: request)))
        }
        router.post("/api/v1/ops/merchant-applications/:id/decisions") { request, context in
            try await OpsAuthorization.require(request, configuration)
            let id = context.parameters.get("id") ?? ""
            return try await idempotency.respond(to: request, principal: "ops", limit: configuration.maxBodyBytes, status: 200) { body in
                let input = try RequestBody.json(DecisionInput.self, from: body)
                guard let kind = ApplicationDecision.Kind(rawValue: input.decision) else {
                    throw Problem.validation("a decision is \(ApplicationDecision.Kind.allCases.map(\.rawValue).joined(separator: ", "))", field: "decision")
                }
                let (changes, file) = try await review.deciding(kind, on: id, reviewer: input.reviewer, reason: input.reason, at: Date())
                return (changes, try Responses.jsonBytes(ApplicationDocuments.ReviewFile(file, language: LanguageChoice.language(of: request))))
            }
        }
    }

    /// `?status=submitted,changes-requested`: the statuses asked for, each one known.
    static func statuses(_ request: Request) throws -> [StoredApplication.Status] {
        guard let asked = request.uri.queryParameters.get("status"), !asked.isEmpty else { return [] }
        return try asked.split(separator: ",").map { name in
            guard let status = StoredApplication.Status(rawValue: String(name)) else {
                throw Problem.validation("status is one of \(StoredApplication.Status.allCases.map(\.rawValue).joined(separator: ", "))", field: "status")
            }
            return status
        }
    }
}
