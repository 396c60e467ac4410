import Foundation
import Storage

/// A response as it was first sent, kept so that a retry with the same key gets it again.
public struct StoredResponse: Sendable, Equatable {
    public let status: Int
    public let contentType: String
    public let body: [UInt8]

    public init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

public enum IdempotencyError: Error, Equatable, CustomStringConvertible {
    case missingKey
    case malformedKey
    /// The key was first used for a different request.
    case keyReused(String)

    public var description: String {
        switch self {
        case .missingKey: return "this call changes data and needs an Idempotency-Key header"
        case .malformedKey: return "an Idempotency-Key is 1 to 255 visible ASCII characters"
        case .keyReused(let key): return "Idempotency-Key '\(key)' was already used for a different request"
        }
    }
}

/// Makes a mutating call safe to retry: the first outcome is stored with a hash of the request
/// in the same transaction as the call's own changes; a replay returns it; the same key with
/// another request is refused.
public struct IdempotencyService: Sendable {
    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    public enum Outcome: Sendable, Equatable {
        case fresh(StoredResponse)
        case replayed(StoredResponse)

        public var response: StoredResponse {
            switch self {
            case .fresh(let response), .replayed(let response): return response
            }
        }
    }

    public static func validate(key: String?) throws(IdempotencyError) -> String {
        guard let key else { throw .missingKey }
        guard (1...255).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7e).contains($0) }) else {
            throw .malformedKey
        }
        return key
    }

    /// Runs `work` once per (scope, key). `request` is what identifies the call (method, path, body).
    public func perform(
        scope: String, key: String, request: [UInt8], at now: Date,
        _ work: () async throws -> (changes: [Change], response: StoredResponse)
    ) async throws -> Outcome {
        let hash = Secrets.digest(request)
        var attempts = 0
        while true {
            attempts += 1
            if let earlier = try await stored(scope: scope, key: key) {
                guard earlier.hash == hash else { throw IdempotencyError.keyReused(key) }
                return .replayed(earlier.response)
            }
            let (changes, response) = try await work()
            let remember = Change.guarded(SQL(
                """
                INSERT INTO idempotency_keys (scope, key, request_hash, status, content_type, body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (scope, key) DO NOTHING RETURNING key
                """,
                [.text(scope), .text(key), .text(hash), .integer(Int64(response.status)), .text(response.contentType),
                 .blob(response.body), .integer(now.millisecondsSince1970)]),
                conflict: "Idempotency-Key '\(key)' is being used by a concurrent request")
            do {
                try await store.apply(changes + [remember])
                return .fresh(response)
            } catch StoreError.conflict where attempts < 5 {
                continue  // another request took the key, or moved a guarded row: look again
            }
        }
    }

    private func stored(scope: String, key: String) async throws -> (hash: String, response: StoredResponse)? {
        let rows = try await store.read(SQL(
            "SELECT request_hash, status, content_type, body FROM idempotency_keys WHERE scope = ? AND key = ?",
            bind: scope, key))
        guard let row = rows.first else { return nil }
        guard case .blob(let body) = row["body"] else { throw StoreError.decoding(column: "body", expected: "bytes") }
        return (try row.text("request_hash"),
                StoredResponse(status: Int(try row.integer("status")), contentType: try row.text("content_type"), body: body))
    }
}
