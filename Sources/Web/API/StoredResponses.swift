import Foundation
import HTTPTypes
import Hummingbird
import Services
import Storage

/// Sends a stored (idempotent) response, marking a replay so that clients can tell.
enum StoredResponses {
    static func response(_ outcome: IdempotencyService.Outcome) -> Response {
        let stored = outcome.response
        var headers = HTTPFields()
        headers[.contentType] = stored.contentType
        if case .replayed = outcome { headers[HTTPField.Name("Idempotent-Replayed")!] = "true" }  // safe: valid token literal
        return Response(status: HTTPResponse.Status(code: stored.status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(bytes: stored.body)))
    }
}

extension IdempotencyService {
    /// Runs a mutating call once per Idempotency-Key within `principal` (who calls): reads
    /// the body up to `limit`, lets `work` decide its changes and JSON answer, commits both
    /// together, and answers — the first time and on every replay — with that answer.
    /// `fingerprint` is what identifies the request for the stored hash: the body, unless the
    /// body holds a secret (a password) that must not be kept even as a hash.
    func respond(
        to request: Request, principal: String, limit: Int, status: Int,
        fingerprint: ([UInt8]) throws -> [UInt8] = { $0 },
        _ work: @escaping ([UInt8]) async throws -> (changes: [Change], document: [UInt8])
    ) async throws -> Response {
        let key = try IdempotencyService.validate(key: request.headers[.idempotencyKey])
        let body = try await RequestBody.bytes(request, limit: limit)
        let scope = "\(principal) \(request.method.rawValue) \(request.uri.path)"
        let outcome = try await perform(scope: scope, key: key, request: try fingerprint(body), at: Date()) {
            let (changes, document) = try await work(body)
            return (changes, StoredResponse(status: status, contentType: "application/json", body: document))
        }
        return StoredResponses.response(outcome)
    }
}
