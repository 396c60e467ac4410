extension Migrations {
    /// After-sales returns (`ReturnRules`), and on each order whether its import allowance was
    /// given back: a refund no longer always gives it back (goods customs released and the buyer
    /// kept still count), so the orders say which do.
    static let returns = Migration(version: 30, name: "returns, and allowances given back") { _ in
        [
            "ALTER TABLE orders ADD COLUMN allowance_back BIGINT NOT NULL DEFAULT 0",
            "UPDATE orders SET allowance_back = 1 WHERE status IN ('cancelled', 'refunded')",
            """
            CREATE TABLE order_returns (
                id TEXT PRIMARY KEY,
                order_id TEXT NOT NULL REFERENCES orders(id),
                consumer_id TEXT NOT NULL REFERENCES consumers(id),
                reason TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('requested', 'refunded', 'declined')),
                deadline BIGINT NOT NULL,
                requested_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                note TEXT NOT NULL DEFAULT ''
            )
            """,
            "CREATE UNIQUE INDEX order_returns_one_open ON order_returns(order_id) WHERE status = 'requested'",
            "CREATE INDEX order_returns_by_status ON order_returns(status, requested_at)",
        ]
    }
}
