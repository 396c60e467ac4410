import Foundation
import Hummingbird
import Services

/// The platform operator: the ops token as a bearer token (API), or a console session opened
/// with it (pages), whose cookie holds the session's token, never the ops token.
enum OpsAuthorization {
    static let cookie = "ops"

    static func require(_ request: Request, _ configuration: WebConfiguration) async throws {
        guard let bearer = BearerToken.of(request) else {
            guard let session = request.cookies[cookie]?.value, try await configuration.consoles?.principal(forSession: session, at: .now) == .ops
            else { throw Problem.unauthorized("this call is for the platform operator: send Authorization: Bearer <ops token>, or sign in at /ops/signin") }
            return
        }
        guard Secrets.same(bearer, configuration.opsToken) else { throw Problem.unauthorized("the ops token is not valid") }
    }

    static func isOps(_ request: Request, _ configuration: WebConfiguration) async throws -> Bool {
        do { try await require(request, configuration) } catch let problem as Problem where problem.status == 401 { return false }
        return true
    }

    /// For an ops page: nil when the operator is signed in, else the way to the sign-in page.
    static func signInRedirect(_ request: Request, _ configuration: WebConfiguration) async throws -> Response? {
        try await isOps(request, configuration) ? nil : Response(status: .seeOther, headers: [.location: "/ops/signin"])
    }
}

/// "Authorization: Bearer …", as API clients send their credentials.
enum BearerToken {
    static func of(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return nil }
        return String(header.dropFirst("Bearer ".count))
    }
}
