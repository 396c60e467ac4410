import Foundation
import Storage

/// A key as its owner and ops see it: never the key itself.
public struct APIKeyView: Sendable, Equatable {
    public let id: String
    public let label: String
    public let createdAt: Date
    public let revokedAt: Date?
}

/// A table of API keys, each one owner's (a merchant, a partner bank): a key is shown once when
/// issued and kept only as its SHA-256 hash; its public id is a prefix and the first twelve hex
/// digits of that hash, enough to tell keys apart and to say which to revoke, and nothing to
/// sign in with.
struct APIKeyTable: Sendable {
    let table: String
    let ownerColumn: String
    let owners: String
    /// What a key starts with ("mk_"), and its public id ("mk-").
    let keyPrefix: String
    let idPrefix: String

    static let merchants = APIKeyTable(table: "merchant_api_keys", ownerColumn: "merchant_id", owners: "merchants", keyPrefix: "mk_", idPrefix: "mk-")
    static let banks = APIKeyTable(table: "partner_bank_keys", ownerColumn: "bank_id", owners: "partner_banks", keyPrefix: "bk_", idPrefix: "bk-")

    /// A new key for `owner` ("mk_" and 43 characters of randomness); nil when there is no such owner.
    func issue(owner: String, label: String, at now: Date, in store: any Store) async throws -> String? {
        let key = Secrets.token(prefix: keyPrefix)
        do {
            try await store.apply([.guarded(SQL(
                """
                INSERT INTO \(table) (key_hash, \(ownerColumn), label, created_at)
                SELECT ?, id, ?, ? FROM \(owners) WHERE id = ? RETURNING \(ownerColumn)
                """,
                bind: Self.hash(key), label, now.millisecondsSince1970, owner),
                conflict: "no \(owners) row \(owner)")])
        } catch StoreError.conflict {
            return nil
        }
        return key
    }

    /// The owner's row for a live key, and the key's public id.
    func owner(forKey key: String, in store: any Store) async throws -> (row: Row, keyID: String)? {
        guard key.hasPrefix(keyPrefix), key.count < 200 else { return nil }
        let hash = Self.hash(key)
        let rows = try await store.read(SQL(
            "SELECT o.* FROM \(table) k JOIN \(owners) o ON o.id = k.\(ownerColumn) WHERE k.key_hash = ? AND k.revoked_at IS NULL", bind: hash))
        return rows.first.map { ($0, id(ofHash: hash)) }
    }

    /// The owner `id`'s row, for a console session opened with its key `keyID`, while that key lives.
    func owner(id: String, keyID: String, in store: any Store) async throws -> Row? {
        guard keyID.hasPrefix(idPrefix) else { return nil }
        return try await store.read(SQL(
            """
            SELECT o.* FROM \(table) k JOIN \(owners) o ON o.id = k.\(ownerColumn)
            WHERE k.\(ownerColumn) = ? AND k.key_hash LIKE ? AND k.revoked_at IS NULL
            """, bind: id, Self.hashPrefix(ofID: keyID) + "%")).first
    }

    func keys(of owner: String, in store: any Store) async throws -> [APIKeyView] {
        try await store.read(SQL("SELECT * FROM \(table) WHERE \(ownerColumn) = ? ORDER BY created_at, key_hash", bind: owner)).map { row in
            APIKeyView(id: id(ofHash: try row.text("key_hash")), label: try row.text("label"),
                       createdAt: Date(millisecondsSince1970: try row.integer("created_at")),
                       revokedAt: try row.optionalInteger("revoked_at").map(Date.init(millisecondsSince1970:)))
        }
    }

    /// The changes that revoke `owner`'s key `keyID` and end the console sessions opened with it;
    /// nil when it has no such live key.
    func revoking(_ keyID: String, of owner: String, at now: Date, in store: any Store) async throws -> [Change]? {
        guard keyID.hasPrefix(idPrefix), keyID.count == idPrefix.count + 12,
              try await keys(of: owner, in: store).contains(where: { $0.id == keyID && $0.revokedAt == nil }) else { return nil }
        return [
            .guarded(SQL(
                "UPDATE \(table) SET revoked_at = ? WHERE \(ownerColumn) = ? AND key_hash LIKE ? AND revoked_at IS NULL RETURNING key_hash",
                bind: now.millisecondsSince1970, owner, Self.hashPrefix(ofID: keyID) + "%"),
                conflict: "key \(keyID) was revoked meanwhile"),
            ConsoleSessions.closing(keyID: keyID),
        ]
    }

    func id(ofHash hash: String) -> String { idPrefix + hash.prefix(12) }

    static func hashPrefix(ofID id: String) -> String {
        String(id.dropFirst(3).prefix(12).filter(\.isHexDigit))
    }

    static func hash(_ key: String) -> String {
        Secrets.digest(Data(key.utf8))
    }
}
