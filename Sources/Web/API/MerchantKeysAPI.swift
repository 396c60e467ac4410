import Commerce
import Foundation
import Hummingbird
import Services

/// A merchant's API keys: listed by their public ids (never the keys), and revoked — by the
/// merchant itself or by ops. Rotating is issuing a new key (`crossborder merchant-key`) and
/// revoking the old one here once every client uses the new; revoking ends the console
/// sessions opened with the key.
struct MerchantKeysAPI<Context: RequestContext> {
    let keys: MerchantKeyService
    let idempotency: IdempotencyService
    let configuration: WebConfiguration

    struct KeyDocument: Encodable {
        let id: String
        let label: String
        let createdAt: String
        let revokedAt: String?

        init(_ key: APIKeyView) {
            id = key.id
            label = key.label
            createdAt = key.createdAt.ISO8601Format()
            revokedAt = key.revokedAt?.ISO8601Format()
        }
    }

    struct KeyList: Encodable {
        let keys: [KeyDocument]
    }

    func register(on router: Router<Context>) {
        router.get("/api/v1/merchant/keys") { request, _ in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            return try Responses.json(KeyList(keys: try await keys.keys(of: merchant.id).map(KeyDocument.init)))
        }
        router.post("/api/v1/merchant/keys/:id/revoke") { request, context in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            return try await revoke(request, keyID: context.parameters.get("id") ?? "", merchantID: merchant.id, principal: "merchant:\(merchant.id)")
        }
        router.post("/api/v1/ops/merchants/:merchant/keys/:id/revoke") { request, context in
            try await OpsAuthorization.require(request, configuration)
            return try await revoke(request, keyID: context.parameters.get("id") ?? "", merchantID: context.parameters.get("merchant") ?? "",
                                    principal: "ops")
        }
    }

    private func revoke(_ request: Request, keyID: String, merchantID: String, principal: String) async throws -> Response {
        try await idempotency.respond(to: request, principal: principal, limit: configuration.maxBodyBytes, status: 200) { _ in
            guard let changes = try await keys.revoking(keyID, of: merchantID, at: Date()) else {
                throw Problem(type: "not-found", title: "Not found", status: .notFound, detail: "merchant \(merchantID) has no live key \(keyID)",
                              field: "id")
            }
            return (changes, try Responses.jsonBytes(["id": keyID, "status": "revoked"]))
        }
    }
}
