import Services
import Hummingbird

/// Ops calls carry `Authorization: Bearer <ops token>`.
enum OpsAuthorization {
    static func require(_ request: Request, token: String) throws {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw Problem.unauthorized("this call is for the platform operator: send Authorization: Bearer <ops token>")
        }
        guard Secrets.same(String(header.dropFirst("Bearer ".count)), token) else {
            throw Problem.unauthorized("the ops token is not valid")
        }
    }
}
