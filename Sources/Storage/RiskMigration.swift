extension Migrations {
    /// The risk signals' record of each order (`RiskObservation`: keys and fingerprints only),
    /// the rule sets ops wrote, held orders, cases with their actions, and ops' blocks. Addresses
    /// keep their delivery point's key (`RiskAddress`, fingerprinted), computed when saved.
    static let risk = Migration(version: 29, name: "risk signals, rules, holds and cases") { _ in
        [
            "ALTER TABLE addresses ADD COLUMN risk_address TEXT",
            "ALTER TABLE addresses ADD COLUMN risk_phone TEXT",
            """
            CREATE TABLE risk_observations (
                order_id TEXT PRIMARY KEY,
                observed_at BIGINT NOT NULL,
                identity TEXT NOT NULL,
                address TEXT NOT NULL,
                phone TEXT NOT NULL,
                device TEXT,
                payer TEXT NOT NULL,
                merchant_id TEXT NOT NULL,
                lines TEXT NOT NULL,
                value_fen BIGINT NOT NULL,
                allowance_used_fen BIGINT NOT NULL
            )
            """,
            "CREATE INDEX risk_observations_by_time ON risk_observations(observed_at)",
            "CREATE INDEX risk_observations_by_identity ON risk_observations(identity)",
            """
            CREATE TABLE risk_rule_sets (
                version BIGINT PRIMARY KEY,
                body TEXT NOT NULL,
                author TEXT NOT NULL,
                note TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE risk_cases (
                id TEXT PRIMARY KEY,
                identity TEXT NOT NULL,
                status TEXT NOT NULL,
                reason TEXT NOT NULL,
                opened_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX risk_cases_by_status ON risk_cases(status, updated_at)",
            """
            CREATE TABLE risk_case_events (
                case_id TEXT NOT NULL REFERENCES risk_cases(id),
                seq BIGINT NOT NULL,
                at BIGINT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                note TEXT NOT NULL,
                PRIMARY KEY (case_id, seq)
            )
            """,
            """
            CREATE TABLE risk_holds (
                order_id TEXT PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES risk_cases(id),
                reason TEXT NOT NULL,
                held_at BIGINT NOT NULL,
                released_at BIGINT,
                released_by TEXT
            )
            """,
            "CREATE INDEX risk_holds_by_case ON risk_holds(case_id)",
            """
            CREATE TABLE risk_blocks (
                kind TEXT NOT NULL,
                key TEXT NOT NULL,
                case_id TEXT NOT NULL REFERENCES risk_cases(id),
                blocked_at BIGINT NOT NULL,
                blocked_by TEXT NOT NULL,
                PRIMARY KEY (kind, key)
            )
            """,
        ]
    }
}
