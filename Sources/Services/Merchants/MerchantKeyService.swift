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
        guard let key = try await APIKeyTable.merchants.issue(owner: merchantID, label: label, at: now, in: store) else {
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
        try await APIKeyTable.merchants.owner(forKey: key, in: store).map { (try CatalogRecords.merchant($0.row), $0.keyID) }
    }

    /// The merchant `id`, for a console session opened with one of its keys, while that key lives.
    public func merchant(id: String, keyID: String) async throws -> Merchant? {
        try await APIKeyTable.merchants.owner(id: id, keyID: keyID, in: store).map(CatalogRecords.merchant)
    }

    public func keys(of merchantID: String) async throws -> [APIKeyView] {
        try await APIKeyTable.merchants.keys(of: merchantID, in: store)
    }

    /// The changes that revoke the merchant's key `keyID` and end the console sessions opened
    /// with it; nil when it has no such live key.
    public func revoking(_ keyID: String, of merchantID: String, at now: Date) async throws -> [Change]? {
        try await APIKeyTable.merchants.revoking(keyID, of: merchantID, at: now, in: store)
    }

    static func id(ofHash hash: String) -> String { APIKeyTable.merchants.id(ofHash: hash) }

    static func hashPrefix(ofID id: String) -> String { APIKeyTable.hashPrefix(ofID: id) }

    static func hash(_ key: String) -> String { APIKeyTable.hash(key) }
}
