import Foundation
import Commerce
import Hummingbird
import Services

/// A merchant: its API key as a bearer token (API), or a console session opened with the key
/// (pages), whose cookie holds the session's token, never the key. Revoking the key ends both.
enum MerchantAuthorization {
    static let cookie = "merchant"

    static func merchant(_ request: Request, keys: MerchantKeyService, _ configuration: WebConfiguration) async throws -> Merchant {
        guard let merchant = try await signedIn(request, keys: keys, configuration) else {
            throw Problem.unauthorized(BearerToken.of(request) == nil
                ? "this call is for merchants: send Authorization: Bearer <merchant API key>, or sign in at /merchant/signin"
                : "the merchant API key is not valid")
        }
        return merchant
    }

    static func signedIn(_ request: Request, keys: MerchantKeyService, _ configuration: WebConfiguration) async throws -> Merchant? {
        try await ConsoleAuthorization.signedIn(request, cookie: cookie, configuration, byKey: keys.merchant(forKey:)) { principal in
            guard case .merchant(let id, let keyID) = principal else { return nil }
            return try await keys.merchant(id: id, keyID: keyID)
        }
    }
}
