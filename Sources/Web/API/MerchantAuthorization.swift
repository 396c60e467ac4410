import Commerce
import Hummingbird
import Services

/// Merchant calls carry `Authorization: Bearer mk_…`, a key issued to one merchant.
enum MerchantAuthorization {
    static func merchant(_ request: Request, keys: MerchantKeyService) async throws -> Merchant {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw Problem.unauthorized("this call is for merchants: send Authorization: Bearer <merchant API key>")
        }
        guard let merchant = try await keys.merchant(forKey: String(header.dropFirst("Bearer ".count))) else {
            throw Problem.unauthorized("the merchant API key is not valid")
        }
        return merchant
    }
}
