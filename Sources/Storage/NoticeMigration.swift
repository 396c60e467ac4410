extension Migrations {
    /// What buyers are told (an order paid, a parcel held, a password reset asked for): shown on
    /// their messages page and sent by e-mail from this outbox, each message at least once; and
    /// the password resets asked for, by their token's digest.
    static let notices = Migration(version: 27, name: "notices and password resets") { _ in
        [
            """
            CREATE TABLE notices (
                id TEXT PRIMARY KEY,
                consumer_id TEXT NOT NULL REFERENCES consumers(id),
                kind TEXT NOT NULL,
                order_id TEXT,
                detail TEXT NOT NULL DEFAULT '',
                secret_sealed TEXT,
                shown BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                read_at BIGINT,
                mail_after BIGINT NOT NULL,
                mail_attempts BIGINT NOT NULL DEFAULT 0,
                mailed_at BIGINT,
                mail_failed_at BIGINT,
                mail_error TEXT
            )
            """,
            "CREATE INDEX notices_by_consumer ON notices (consumer_id, created_at)",
            // The outbox: only what is still to send, so a round's read does not grow with every mail ever sent.
            "CREATE INDEX notices_to_mail ON notices (mail_after) WHERE mailed_at IS NULL AND mail_failed_at IS NULL",
            """
            CREATE TABLE password_resets (
                token_hash TEXT PRIMARY KEY,
                consumer_id TEXT NOT NULL REFERENCES consumers(id),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                used_at BIGINT
            )
            """,
            "CREATE INDEX password_resets_by_consumer ON password_resets (consumer_id, created_at)",
        ]
    }
}
