import Commerce
import Foundation
import Storage

/// A forgotten password: a link by e-mail that sets a new one. The link's token is kept only as
/// its digest (and, until the mail goes, sealed in the outbox); it works once, for
/// `resetLifetime`; using it ends every session of the account and every other link, and opens
/// a new session: whoever holds the link has just proved the address is theirs.
extension AccountService {
    public static let resetLifetime: TimeInterval = 30 * 60
    /// Links per account per hour: enough to retry a lost mail, too few to flood an inbox.
    public static let resetsPerHour: Int64 = 3

    /// Forgets links that ran out more than an hour ago (the hourly count needs nothing older);
    /// returns how many went.
    @discardableResult
    public static func purgeResetLinks(in store: any Store, at now: Date) async throws -> Int {
        let cutoff = now.addingTimeInterval(-3600).millisecondsSince1970
        let stale = try await store.read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM password_resets WHERE expires_at < ?", bind: cutoff))
        let count = Int(try stale.first?.integer("n") ?? 0)
        if count > 0 { try await store.apply([.write(SQL("DELETE FROM password_resets WHERE expires_at < ?", bind: cutoff))]) }
        return count
    }

    /// Sends a reset link to the account of `email`, if there is one and it has not had
    /// `resetsPerHour` links this hour. Says nothing either way, so that the form cannot be
    /// used to learn who has an account.
    public func requestPasswordReset(email: String, at now: Date) async throws {
        let address = try AccountRules.email(email)
        guard let row = try await store.read(SQL("SELECT id FROM consumers WHERE email = ?", bind: address)).first else { return }
        let consumerID = try row.text("id")
        let recent = try await store.read(SQL(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM password_resets WHERE consumer_id = ? AND created_at > ?",
            bind: consumerID, (now - 3600).millisecondsSince1970)).first?.integer("n") ?? 0
        guard recent < Self.resetsPerHour else { return }
        let token = Secrets.token(prefix: "r_")
        try await store.apply([
            .write(SQL("INSERT INTO password_resets (token_hash, consumer_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                       bind: MerchantKeyService.hash(token), consumerID, now.millisecondsSince1970,
                       (now + Self.resetLifetime).millisecondsSince1970)),
            NoticeRecords.secret(.passwordReset, id: "n-reset-" + UUID().uuidString.lowercased(), consumerID: consumerID,
                                 sealed: try cipher.seal(token), at: now),
        ])
    }

    /// Whether `token` is a reset link that still works (the page shows the form, or says why not).
    public func resetIsOpen(token: String, at now: Date) async throws -> Bool {
        try await openReset(token, at: now) != nil
    }

    /// Sets a new password through a reset link; every other session ends. Returns the account
    /// and the token of its new session, opened in the same unit.
    public func resetPassword(token: String, new: String, at now: Date) async throws -> (consumer: Consumer, session: String) {
        guard let consumer = try await openReset(token, at: now) else { throw AccountFailure.resetLinkClosed }
        try AccountRules.password(new)
        let hash = await PasswordHashing.hash(new, cost: bcryptCost)
        let session = Secrets.token(prefix: "s_")
        do {
            try await store.apply([
                .guarded(SQL("UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL RETURNING token_hash",
                             bind: now.millisecondsSince1970, MerchantKeyService.hash(token)), conflict: "the link was used meanwhile"),
                .write(SQL("UPDATE password_resets SET used_at = ? WHERE consumer_id = ? AND used_at IS NULL",
                           bind: now.millisecondsSince1970, consumer.id)),
                .write(SQL("UPDATE consumers SET password_hash = ? WHERE id = ?", bind: hash, consumer.id)),
                .write(SQL("DELETE FROM sessions WHERE consumer_id = ?", bind: consumer.id)),
                AccountService.opening(session: session, of: consumer, at: now),
            ])
        } catch StoreError.conflict {
            throw AccountFailure.resetLinkClosed
        }
        sessions?.forget(sessionsOf: consumer.id, keeping: MerchantKeyService.hash(session))
        return (consumer, session)
    }

    private func openReset(_ token: String, at now: Date) async throws -> Consumer? {
        guard token.hasPrefix("r_"), token.count < 200 else { return nil }
        return try await store.read(SQL(
            """
            SELECT c.* FROM password_resets r JOIN consumers c ON c.id = r.consumer_id
            WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > ?
            """, bind: MerchantKeyService.hash(token), now.millisecondsSince1970)).first.map(AccountService.consumer)
    }
}
