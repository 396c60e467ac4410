extension Migrations {
    /// Brand authorisations on file, a product's withdrawal from sale (an authorisation lapsed, a
    /// counterfeit taken down), and counterfeit cases with their reports and ops' actions. A
    /// product has at most one case not yet cleared; a report joins it.
    static let brandProtection = Migration(version: 24, name: "brand authorisations and counterfeit cases") { _ in
        [
            """
            CREATE TABLE brand_authorisations (
                id TEXT PRIMARY KEY,
                merchant_id TEXT NOT NULL REFERENCES merchants(id),
                brand TEXT NOT NULL,
                brand_key TEXT NOT NULL,
                kind TEXT NOT NULL,
                owner TEXT NOT NULL,
                office TEXT,
                registration_number TEXT,
                classes TEXT NOT NULL,
                valid_from TEXT NOT NULL,
                valid_until TEXT NOT NULL,
                status TEXT NOT NULL,
                filed_at BIGINT NOT NULL,
                reviewer TEXT,
                review_note TEXT,
                reviewed_at BIGINT
            )
            """,
            "CREATE INDEX brand_authorisations_by_merchant ON brand_authorisations(merchant_id, brand_key)",
            "CREATE INDEX brand_authorisations_by_status ON brand_authorisations(status, filed_at)",
            "ALTER TABLE products ADD COLUMN withdrawn_at BIGINT",
            "ALTER TABLE products ADD COLUMN withdrawn_reason TEXT",
            "CREATE INDEX products_withdrawn ON products(id) WHERE withdrawn_at IS NOT NULL",
            // A counterfeit case lists the orders that bought the product.
            "CREATE INDEX order_lines_by_product ON order_lines(product_id)",
            """
            CREATE TABLE counterfeit_cases (
                id TEXT PRIMARY KEY,
                product_id TEXT NOT NULL REFERENCES products(id),
                merchant_id TEXT NOT NULL REFERENCES merchants(id),
                status TEXT NOT NULL,
                opened_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX counterfeit_cases_active ON counterfeit_cases(product_id) WHERE status <> 'cleared'",
            "CREATE INDEX counterfeit_cases_by_status ON counterfeit_cases(status, updated_at)",
            """
            CREATE TABLE counterfeit_reports (
                id TEXT PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES counterfeit_cases(id),
                reporter_kind TEXT NOT NULL,
                consumer_id TEXT,
                sealed_reporter TEXT,
                reason TEXT NOT NULL,
                reported_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX counterfeit_reports_by_case ON counterfeit_reports(case_id, reported_at)",
            """
            CREATE TABLE counterfeit_actions (
                id TEXT PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES counterfeit_cases(id),
                action TEXT NOT NULL,
                actor TEXT NOT NULL,
                note TEXT,
                acted_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX counterfeit_actions_by_case ON counterfeit_actions(case_id, acted_at)",
        ]
    }
}
