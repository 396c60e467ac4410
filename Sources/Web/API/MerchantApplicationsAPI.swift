import Commerce
import Foundation
import Hummingbird
import Services
import Storage

/// Overseas businesses' applications to sell, by API: start a draft (answered with the key that
/// resumes it), read it, save it again, submit it. The key is the bearer token of the rest.
struct MerchantApplicationsAPI<Context: RequestContext> {
    let applications: MerchantApplicationService
    let review: ApplicationReview
    let documents: DocumentService
    let idempotency: IdempotencyService
    let configuration: WebConfiguration

    struct SaveInput: Decodable {
        let revision: Int64?
        let application: MerchantApplication
    }

    struct SubmitInput: Decodable {
        let revision: Int64?
    }

    func register(on router: Router<Context>) {
        router.post("/api/v1/merchant-applications") { request, _ in
            let key = try IdempotencyService.validate(key: request.headers[.idempotencyKey])
            let body = try await RequestBody.bytes(request, limit: configuration.maxBodyBytes)
            let outcome = try await idempotency.perform(scope: "applicant POST /api/v1/merchant-applications", key: key, request: body,
                                                        at: Date()) {
                let application = try RequestBody.json(MerchantApplication.self, from: body)
                let (changes, stored) = try applications.starting(application, at: Date())
                return (changes, StoredResponse(status: 201, contentType: "application/json",
                                                body: try Responses.jsonBytes(ApplicationDocuments.Receipt(stored))))
            }
            // The resume key is derived, never stored, so it is added to the first answer and to every replay.
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let receipt = try decoder.decode(ApplicationDocuments.Receipt.self, from: Data(outcome.response.body))
            let keyed = try Responses.jsonBytes(receipt.with(resumeKey: applications.resumeKey(for: receipt.id)))
            return StoredResponses.response(outcome.replacingBody(keyed))
        }
        router.get("/api/v1/merchant-applications/:id") { request, context in
            let stored = try await applications.application(id: context.parameters.get("id") ?? "", key: try applicantKey(request))
            return try Responses.json(ApplicationDocuments.Full(try await review.file(stored, at: Date()),
                                                                language: LanguageChoice.language(of: request)))
        }
        router.put("/api/v1/merchant-applications/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            let key = try applicantKey(request)
            return try await idempotency.respond(to: request, principal: "applicant:\(id)", limit: configuration.maxBodyBytes, status: 200) { body in
                let input = try RequestBody.json(SaveInput.self, from: body)
                let (changes, stored) = try await applications.saving(input.application, id: id, key: key, revision: input.revision, at: Date())
                return (changes, try Responses.jsonBytes(ApplicationDocuments.Receipt(stored)))
            }
        }
        router.post("/api/v1/merchant-applications/:id/documents") { request, context in
            let id = context.parameters.get("id") ?? ""
            let key = try applicantKey(request)
            let kind = try Self.documentKind(request)
            let l = LanguageChoice.language(of: request)
            return try await idempotency.respond(to: request, principal: "applicant:\(id)", limit: DocumentRules.maxBytes + 1, status: 201) { body in
                let stored = try await applications.application(id: id, key: key)
                do {
                    let (changes, document) = try documents.uploading(body, claimed: request.headers[.contentType], kind: kind, to: stored, at: Date())
                    return (changes, try Responses.jsonBytes(ApplicationDocuments.Document(document)))
                } catch let problem as DocumentProblem {
                    throw Problem.document(problem, language: l)
                }
            }
        }
        router.get("/api/v1/merchant-applications/:id/documents") { request, context in
            let stored = try await applications.application(id: context.parameters.get("id") ?? "", key: try applicantKey(request))
            return try Responses.json(ApplicationDocuments.DocumentList(documents: try await documents.documents(of: stored.id).map(ApplicationDocuments.Document.init)))
        }
        router.post("/api/v1/merchant-applications/:id/submit") { request, context in
            let id = context.parameters.get("id") ?? ""
            let key = try applicantKey(request)
            return try await idempotency.respond(to: request, principal: "applicant:\(id)", limit: configuration.maxBodyBytes, status: 200) { body in
                let input = body.isEmpty ? SubmitInput(revision: nil) : try RequestBody.json(SubmitInput.self, from: body)
                let (changes, stored) = try await applications.submitting(id: id, key: key, revision: input.revision, at: Date())
                return (changes, try Responses.jsonBytes(ApplicationDocuments.Receipt(stored)))
            }
        }
    }

    /// `?kind=` of a document, each one known.
    static func documentKind(_ request: Request) throws -> DocumentKind {
        guard let kind = request.uri.queryParameters.get("kind").flatMap({ DocumentKind(rawValue: String($0)) }) else {
            throw Problem.validation("kind is one of \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))", field: "kind")
        }
        return kind
    }

    private func applicantKey(_ request: Request) throws -> String {
        guard let key = BearerToken.of(request), key.hasPrefix("ak_") else {
            throw Problem.unauthorized("send Authorization: Bearer <the application's resume key, ak_…>, as the start of the application answered")
        }
        return key
    }
}

extension IdempotencyService.Outcome {
    /// The same outcome (first or replayed) with another body.
    func replacingBody(_ body: [UInt8]) -> Self {
        let response = StoredResponse(status: self.response.status, contentType: self.response.contentType, body: body)
        switch self {
        case .fresh: return .fresh(response)
        case .replayed: return .replayed(response)
        }
    }
}
