import Foundation
import Hummingbird
import Services

/// Who a console's caller is: the API key it sends as a bearer token, or the console session its
/// cookie holds (opened with such a key, never holding it).
enum ConsoleAuthorization {
    static func signedIn<Owner>(_ request: Request, cookie: String, _ configuration: WebConfiguration,
                                byKey: (String) async throws -> Owner?,
                                bySession: (ConsoleSessions.Principal) async throws -> Owner?) async throws -> Owner? {
        if let key = BearerToken.of(request) { return try await byKey(key) }
        guard let session = request.cookies[cookie]?.value,
              let principal = try await configuration.consoles?.principal(forSession: session, at: .now) else { return nil }
        return try await bySession(principal)
    }
}
