extension Migrations {
    /// Partner banks with their API keys and flagship stores, and who introduced an application
    /// and a merchant. A business is introduced by one bank only: `client_key` (its country and
    /// registration number) is unique among introduced applications, so two batches sent at
    /// once cannot both introduce it.
    static let partnerBanks = Migration(version: 25, name: "partner banks") { _ in
        [
            """
            CREATE TABLE partner_banks (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                country TEXT NOT NULL,
                bic TEXT NOT NULL,
                attests TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                flagship_slug TEXT UNIQUE,
                flagship_name_en TEXT,
                flagship_name_zh TEXT,
                flagship_tagline_en TEXT,
                flagship_tagline_zh TEXT,
                flagship_opened_at BIGINT
            )
            """,
            """
            CREATE TABLE partner_bank_keys (
                key_hash TEXT PRIMARY KEY,
                bank_id TEXT NOT NULL REFERENCES partner_banks(id),
                label TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                revoked_at BIGINT
            )
            """,
            "ALTER TABLE merchant_applications ADD COLUMN partner_bank_id TEXT REFERENCES partner_banks(id)",
            "ALTER TABLE merchant_applications ADD COLUMN client_key TEXT",
            "ALTER TABLE merchant_applications ADD COLUMN client_reference TEXT",
            "CREATE UNIQUE INDEX merchant_applications_by_client ON merchant_applications(client_key)",
            "CREATE INDEX merchant_applications_by_bank ON merchant_applications(partner_bank_id, updated_at)",
            "ALTER TABLE merchants ADD COLUMN partner_bank_id TEXT REFERENCES partner_banks(id)",
            "CREATE INDEX merchants_by_bank ON merchants(partner_bank_id)",
        ]
    }
}
