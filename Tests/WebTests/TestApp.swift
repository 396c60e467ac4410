import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Services
import Storage
import TestSupport
import Testing
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
    _ kind: StoreKind, rateMaxAge: TimeInterval = 3600, configuration: WebConfiguration? = nil,
    _ test: @escaping @Sendable (any TestClientProtocol, any Store) async throws -> Void
) async throws {
    let metrics = PlatformMetrics()
    try await withTestStore(kind, metrics: metrics) { store in
        try await DemoLoader.loadIfAbsent(into: store, at: Date())
        let app = buildApplication(
            store: store, configuration: configuration ?? testConfiguration(rateMaxAge: rateMaxAge),
            metrics: metrics, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        try await app.test(.router) { client in try await test(DocumentedClient(client), store) }
    }
}

/// A test client that holds every response of the JSON API to the OpenAPI document: each test
/// that calls the API also checks that the document describes what it got.
struct DocumentedClient: TestClientProtocol {
    let inner: any TestClientProtocol

    init(_ inner: any TestClientProtocol) { self.inner = inner }

    var port: Int? { inner.port }

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        let response = try await inner.executeRequest(uri: uri, method: method, headers: headers, body: body)
        guard let description = APIDescription.served else {
            Issue.record("the OpenAPI document does not parse")
            return response
        }
        let path = String(uri.prefix { $0 != "?" })
        for violation in description.violations(method: method.rawValue, path: path, status: Int(response.status.code),
                                                 contentType: response.headers[.contentType], body: Array(buffer: response.body)) {
            Issue.record(Comment(rawValue: violation))
        }
        return response
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

/// What a page's forms carry as their CSRF token (the hidden field), as a browser would send it.
func csrfField(_ html: String) -> String? {
    html.firstMatch(of: /name="csrf" value="([^"]+)"/).map { String($0.output.1) }
}

/// The value a Set-Cookie header gives `name`.
func cookieValue(_ setCookie: String?, _ name: String) -> String? {
    guard let setCookie, setCookie.hasPrefix(name + "=") else { return nil }
    return setCookie.dropFirst(name.count + 1).split(separator: ";").first.map(String.init)
}

extension TestClientProtocol {
    /// Signs in to a console (`/ops/signin` with the ops token, `/merchant/signin` or `/bank/signin` with a key) as a
    /// browser does; returns the Cookie header of the session, and the CSRF token its forms carry.
    func signInToConsole(_ path: String, key: String) async throws -> (cookie: String, csrf: String) {
        let form = try await get(path)
        let anonymous = cookieValue(form.headers[.setCookie], "csrf") ?? ""
        let token = csrfField(form.text) ?? ""
        let signedIn = try await execute(uri: path, method: .post,
                                         headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "csrf=\(anonymous)"],
                                         body: ByteBuffer(string: "csrf=\(token)&key=\(key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? key)"))
        let name = path.hasPrefix("/ops") ? "ops" : path.hasPrefix("/bank") ? "bank" : "merchant"
        let session = cookieValue(signedIn.headers[.setCookie], name) ?? ""
        let cookie = "\(name)=\(session)"
        let landing = try await execute(uri: signedIn.headers[.location] ?? "/", method: .get, headers: [.cookie: cookie])
        return (cookie, csrfField(landing.text) ?? "")
    }
}
