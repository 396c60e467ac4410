import HTTPTypes
import Hummingbird
import Services

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
