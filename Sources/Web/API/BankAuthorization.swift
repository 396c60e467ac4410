import Commerce
import Foundation
import Hummingbird
import Services

/// A partner bank: its API key as a bearer token (API), or a console session opened with the
/// key (pages), whose cookie holds the session's token, never the key.
enum BankAuthorization {
    static let cookie = "bank"

    static func bank(_ request: Request, banks: PartnerBankService, _ configuration: WebConfiguration) async throws -> PartnerBank {
        guard let bank = try await signedIn(request, banks: banks, configuration) else {
            throw Problem.unauthorized(BearerToken.of(request) == nil
                ? "this call is for partner banks: send Authorization: Bearer <partner bank API key, bk_…>, or sign in at /bank/signin"
                : "the partner bank API key is not valid")
        }
        return bank
    }

    static func signedIn(_ request: Request, banks: PartnerBankService, _ configuration: WebConfiguration) async throws -> PartnerBank? {
        try await ConsoleAuthorization.signedIn(request, cookie: cookie, configuration, byKey: { try await banks.bankAndKeyID(forKey: $0)?.bank }) { principal in
            guard case .bank(let id, let keyID) = principal else { return nil }
            return try await banks.bank(id: id, keyID: keyID)
        }
    }
}
