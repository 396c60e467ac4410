import Commerce
import Hummingbird
import Services

/// A merchant: its API key as a bearer token (API) or in the merchant cookie (pages).
enum MerchantAuthorization {
    static let cookie = "merchant"

    static func merchant(_ request: Request, keys: MerchantKeyService) async throws -> Merchant {
        guard let key = presented(request) else {
            throw Problem.unauthorized("this call is for merchants: send Authorization: Bearer <merchant API key>")
        }
        guard let merchant = try await keys.merchant(forKey: key) else { throw Problem.unauthorized("the merchant API key is not valid") }
        return merchant
    }

    static func signedIn(_ request: Request, keys: MerchantKeyService) async throws -> Merchant? {
        guard let key = presented(request) else { return nil }
        return try await keys.merchant(forKey: key)
    }

    private static func presented(_ request: Request) -> String? {
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") { return String(header.dropFirst("Bearer ".count)) }
        return request.cookies[cookie]?.value
    }
}
