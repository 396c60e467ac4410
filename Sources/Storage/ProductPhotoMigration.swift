extension Migrations {
    /// Product photos, each in the sizes the shop shows (tile, page), as uploaded after their
    /// checks; a product's `photo_revision` says it has one, and moves with every upload.
    static let productPhotos = Migration(version: 26, name: "product photos") { kind in
        let blob = kind == .postgres ? "BYTEA" : "BLOB"
        return [
            """
            CREATE TABLE product_photos (
                product_id TEXT NOT NULL REFERENCES products(id),
                size TEXT NOT NULL,
                content_type TEXT NOT NULL,
                width BIGINT NOT NULL,
                height BIGINT NOT NULL,
                sha256 TEXT NOT NULL,
                bytes \(blob) NOT NULL,
                uploaded_at BIGINT NOT NULL,
                PRIMARY KEY (product_id, size)
            )
            """,
            "ALTER TABLE products ADD COLUMN photo_revision BIGINT",
        ]
    }
}
