import Commerce
import Foundation
import Hummingbird
import Services
import Storage

/// Ops' review of applications by API: the queue, the whole file, and decisions.
struct ApplicationReviewAPI<Context: RequestContext> {
    let review: ApplicationReview
    let documents: DocumentService
    let idempotency: IdempotencyService
    let configuration: WebConfiguration

    struct DocumentReviewInput: Decodable {
        let review: String
        let reviewer: String
        let note: String?
    }

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
        router.get("/api/v1/ops/merchant-applications/:id/documents") { request, context in
            try await OpsAuthorization.require(request, configuration)
            let file = try await review.file(context.parameters.get("id") ?? "", at: Date())
            let list = try await documents.documents(of: file.application.id)
            return try Responses.json(ApplicationDocuments.DocumentList(documents: list.map(ApplicationDocuments.Document.init)))
        }
        router.get("/api/v1/ops/merchant-applications/:id/documents/:document") { request, context in
            try await OpsAuthorization.require(request, configuration)
            return try await Self.download(documents, context.parameters.get("document") ?? "", of: context.parameters.get("id") ?? "")
        }
        router.post("/api/v1/ops/merchant-applications/:id/documents/:document/review") { request, context in
            try await OpsAuthorization.require(request, configuration)
            let id = context.parameters.get("id") ?? ""
            let document = context.parameters.get("document") ?? ""
            return try await idempotency.respond(to: request, principal: "ops", limit: configuration.maxBodyBytes, status: 200) { body in
                let input = try RequestBody.json(DocumentReviewInput.self, from: body)
                guard let verdict = StoredDocument.Review(rawValue: input.review), verdict != .pending else {
                    throw Problem.validation("a review is accepted or rejected", field: "review")
                }
                let changes = try await documents.reviewing(document, of: id, as: verdict, reviewer: input.reviewer, note: input.note, at: Date())
                return (changes, try Responses.jsonBytes(["id": document, "review": verdict.rawValue]))
            }
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

    /// A document's bytes as ops open them: its own type, downloaded rather than shown in the
    /// platform's origin, never cached.
    static func download(_ documents: DocumentService, _ id: String, of applicationID: String) async throws -> Response {
        let (document, bytes) = try await documents.contents(id, of: applicationID)
        var headers = HTTPFields()
        headers[.contentType] = document.type.rawValue
        headers[.contentDisposition] = "attachment; filename=\"\(document.kind.rawValue)-\(document.id).\(document.type == .pdf ? "pdf" : document.type == .png ? "png" : "jpg")\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
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
