import Foundation
import Storage

/// Sessions of the consoles: ops, and each merchant's portal. Signing in with the ops token or
/// a merchant API key opens one; the browser's cookie holds only the session's own token, never
/// the ops token or the key, and signing out (or revoking the key) ends it. Kept in the
/// database, hashed, so that every `serve` process behind a load balancer sees the same.
public struct ConsoleSessions: Sendable {
    public static let lifetime: TimeInterval = 8 * 3600

    /// Who a session is for.
    public enum Principal: Sendable, Equatable {
        case ops
        /// A merchant, signed in with the key `keyID`.
        case merchant(id: String, keyID: String)
        /// A partner bank, signed in with its key `keyID`.
        case bank(id: String, keyID: String)

        var text: String {
            switch self {
            case .ops: return "ops"
            case .merchant(let id, let keyID): return "merchant:\(id):\(keyID)"
            case .bank(let id, let keyID): return "bank:\(id):\(keyID)"
            }
        }

        init?(text: String) {
            if text == "ops" { self = .ops; return }
            let parts = text.split(separator: ":", maxSplits: 2).map(String.init)
            guard parts.count == 3 else { return nil }
            switch parts[0] {
            case "merchant": self = .merchant(id: parts[1], keyID: parts[2])
            case "bank": self = .bank(id: parts[1], keyID: parts[2])
            default: return nil
            }
        }
    }

    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// A new session for `principal`; returns its token ("c_…"), for the cookie.
    public func open(for principal: Principal, at now: Date) async throws -> String {
        let token = Secrets.token(prefix: "c_")
        try await store.apply([.write(SQL(
            "INSERT INTO console_sessions (token_hash, principal, created_at, expires_at) VALUES (?, ?, ?, ?)",
            bind: Secrets.digest(Data(token.utf8)), principal.text, now.millisecondsSince1970,
            (now + Self.lifetime).millisecondsSince1970))])
        return token
    }

    /// Whom a live session is for; nil for an unknown, ended or expired one.
    public func principal(forSession token: String, at now: Date) async throws -> Principal? {
        guard token.hasPrefix("c_"), token.count < 200 else { return nil }
        let rows = try await store.read(SQL("SELECT principal FROM console_sessions WHERE token_hash = ? AND expires_at > ?",
                                            bind: Secrets.digest(Data(token.utf8)), now.millisecondsSince1970))
        return try rows.first.flatMap { Principal(text: try $0.text("principal")) }
    }

    public func close(_ token: String) async throws {
        try await store.apply([.write(SQL("DELETE FROM console_sessions WHERE token_hash = ?", bind: Secrets.digest(Data(token.utf8))))])
    }

    /// The change that ends every session opened with the key `keyID` (a merchant's "mk-…" or a
    /// partner bank's "bk-…": the prefix says whose).
    static func closing(keyID: String) -> Change {
        .write(SQL("DELETE FROM console_sessions WHERE principal LIKE ?", bind: "%:%:" + keyID))
    }
}
