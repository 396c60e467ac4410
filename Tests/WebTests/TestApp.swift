import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Services
import Storage
import TestSupport
import Web

let opsToken = "test-ops-token"

/// The configuration every web test runs with: a fresh data key, a small body limit, and a
/// low bcrypt cost so that sign-ups stay quick.
func testConfiguration(rateMaxAge: TimeInterval = 3600) -> WebConfiguration {
    // safe: a key made by FieldCipher.newKey is always a valid 32-byte key
    let cipher = try! FieldCipher(base64Key: FieldCipher.newKey())
    return WebConfiguration(opsToken: opsToken, cipher: cipher, rateMaxAge: rateMaxAge, maxBodyBytes: 4096, bcryptCost: 4)
}

/// The real application on a migrated store of `kind` with the demo data, driven in memory.
func withTestApp(
    _ kind: StoreKind, rateMaxAge: TimeInterval = 3600,
    _ test: @escaping @Sendable (any TestClientProtocol, any Store) async throws -> Void
) async throws {
    let metrics = PlatformMetrics()
    try await withTestStore(kind, metrics: metrics) { store in
        try await DemoLoader.loadIfAbsent(into: store, at: Date())
        let app = buildApplication(
            store: store, configuration: testConfiguration(rateMaxAge: rateMaxAge),
            metrics: metrics, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        try await app.test(.router) { client in try await test(client, store) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }
}

extension TestClientProtocol {
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }

    func post(_ uri: String, json: String, headers: HTTPFields) async throws -> TestResponse {
        var all = headers
        all[.contentType] = "application/json"
        return try await execute(uri: uri, method: .post, headers: all, body: ByteBuffer(string: json))
    }
}

extension HTTPField.Name {
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
}
