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

    /// A new key for `merchantID`: "mk_" and 43 characters of randomness. Rotating is issuing
    /// a new key and revoking the old one once every client uses the new.
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

    /// The merchant a key belongs to, or nil for a key nobody issued or one revoked.
    public func merchant(forKey key: String) async throws -> Merchant? {
        try await merchantAndKeyID(forKey: key)?.merchant
    }

    /// The merchant a live key belongs to, and the key's public id.
    public func merchantAndKeyID(forKey key: String) async throws -> (merchant: Merchant, keyID: String)? {
        guard key.hasPrefix("mk_"), key.count < 200 else { return nil }
        let hash = MerchantKeyService.hash(key)
        let rows = try await store.read(SQL(
            "SELECT m.* FROM merchant_api_keys k JOIN merchants m ON m.id = k.merchant_id WHERE k.key_hash = ? AND k.revoked_at IS NULL",
            bind: hash))
        return try rows.first.map { (try CatalogRecords.merchant($0), MerchantKeyService.id(ofHash: hash)) }
    }

    /// The merchant `id`, for a console session opened with one of its keys, while that key lives.
    public func merchant(id: String, keyID: String) async throws -> Merchant? {
        let rows = try await store.read(SQL(
            """
            SELECT m.* FROM merchant_api_keys k JOIN merchants m ON m.id = k.merchant_id
            WHERE k.merchant_id = ? AND k.key_hash LIKE ? AND k.revoked_at IS NULL
            """, bind: id, MerchantKeyService.hashPrefix(ofID: keyID) + "%"))
        return try rows.first.map(CatalogRecords.merchant)
    }

    /// A key as its merchant and ops see it: never the key itself.
    public struct KeyView: Sendable, Equatable {
        public let id: String
        public let label: String
        public let createdAt: Date
        public let revokedAt: Date?
    }

    public func keys(of merchantID: String) async throws -> [KeyView] {
        try await store.read(SQL("SELECT * FROM merchant_api_keys WHERE merchant_id = ? ORDER BY created_at, key_hash", bind: merchantID))
            .map { row in
                KeyView(id: MerchantKeyService.id(ofHash: try row.text("key_hash")), label: try row.text("label"),
                        createdAt: Date(millisecondsSince1970: try row.integer("created_at")),
                        revokedAt: try row.optionalInteger("revoked_at").map(Date.init(millisecondsSince1970:)))
            }
    }

    /// The changes that revoke the merchant's key `keyID` and end the console sessions opened
    /// with it; nil when it has no such live key.
    public func revoking(_ keyID: String, of merchantID: String, at now: Date) async throws -> [Change]? {
        guard keyID.hasPrefix("mk-"), keyID.count == 15,
              try await keys(of: merchantID).contains(where: { $0.id == keyID && $0.revokedAt == nil }) else { return nil }
        return [
            .guarded(SQL(
                "UPDATE merchant_api_keys SET revoked_at = ? WHERE merchant_id = ? AND key_hash LIKE ? AND revoked_at IS NULL RETURNING key_hash",
                bind: now.millisecondsSince1970, merchantID, MerchantKeyService.hashPrefix(ofID: keyID) + "%"),
                conflict: "key \(keyID) was revoked meanwhile"),
            ConsoleSessions.closing(keyID: keyID),
        ]
    }

    /// A key's public id: "mk-" and the first twelve hex digits of its hash, enough to tell a
    /// merchant's keys apart and to say which to revoke, and nothing to sign in with.
    static func id(ofHash hash: String) -> String { "mk-" + hash.prefix(12) }

    static func hashPrefix(ofID id: String) -> String {
        String(id.dropFirst(3).prefix(12).filter(\.isHexDigit))
    }

    static func hash(_ key: String) -> String {
        Secrets.digest(Data(key.utf8))
    }
}
