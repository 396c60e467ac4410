import Commerce
import Foundation
import Storage

/// Merchant API keys: shown once when issued, kept only as a SHA-256 hash.
public struct MerchantKeyService: Sendable {
    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    public struct UnknownMerchant: Error, CustomStringConvertible {
        public let id: String
        public var description: String { "no merchant \(id)" }
    }

    /// A new key for `merchantID`: "mk_" and 43 characters of randomness.
    public func issue(merchantID: String, label: String, at now: Date) async throws -> String {
        let key = Secrets.token(prefix: "mk_")
        do {
            try await store.apply([.guarded(SQL(
                """
                INSERT INTO merchant_api_keys (key_hash, merchant_id, label, created_at)
                SELECT ?, id, ?, ? FROM merchants WHERE id = ? RETURNING merchant_id
                """,
                bind: MerchantKeyService.hash(key), label, now.millisecondsSince1970, merchantID),
                conflict: "no merchant \(merchantID)")])
        } catch StoreError.conflict {
            throw UnknownMerchant(id: merchantID)
        }
        return key
    }

    /// The merchant a key belongs to, or nil for a key nobody issued.
    public func merchant(forKey key: String) async throws -> Merchant? {
        guard key.hasPrefix("mk_"), key.count < 200 else { return nil }
        let rows = try await store.read(SQL(
            "SELECT m.* FROM merchant_api_keys k JOIN merchants m ON m.id = k.merchant_id WHERE k.key_hash = ?",
            bind: MerchantKeyService.hash(key)))
        return try rows.first.map(CatalogRecords.merchant)
    }

    static func hash(_ key: String) -> String {
        Secrets.digest(Data(key.utf8))
    }
}
