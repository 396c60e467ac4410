import Crypto
import Foundation
import Hummingbird

/// Ops calls carry `Authorization: Bearer <ops token>`.
enum OpsAuthorization {
    static func require(_ request: Request, token: String) throws {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw Problem.unauthorized("this call is for the platform operator: send Authorization: Bearer <ops token>")
        }
        let presented = Data(header.dropFirst("Bearer ".count).utf8)
        // Compare digests so the comparison takes the same time wherever the tokens differ.
        guard SHA256.hash(data: presented) == SHA256.hash(data: Data(token.utf8)) else {
            throw Problem.unauthorized("the ops token is not valid")
        }
    }
}
