import Hummingbird
import Services

/// The platform operator: the ops token as a bearer token (API) or in the ops cookie (pages).
enum OpsAuthorization {
    static let cookie = "ops"

    static func require(_ request: Request, token: String) throws {
        guard let presented = presented(request) else {
            throw Problem.unauthorized("this call is for the platform operator: send Authorization: Bearer <ops token>")
        }
        guard Secrets.same(presented, token) else { throw Problem.unauthorized("the ops token is not valid") }
    }

    static func isOps(_ request: Request, token: String) -> Bool {
        presented(request).map { Secrets.same($0, token) } ?? false
    }

    /// For an ops page: nil when the operator is signed in, else the way to the sign-in page.
    static func signInRedirect(_ request: Request, token: String) -> Response? {
        isOps(request, token: token) ? nil : Response(status: .seeOther, headers: [.location: "/ops/signin"])
    }

    private static func presented(_ request: Request) -> String? {
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") { return String(header.dropFirst("Bearer ".count)) }
        return request.cookies[cookie]?.value
    }
}
