extension Migrations {
    /// The buyer's default delivery address, listed first and chosen first at checkout.
    static let addressBook = Migration(version: 31, name: "default address") { _ in
        ["ALTER TABLE addresses ADD COLUMN preferred BIGINT NOT NULL DEFAULT 0"]
    }
}
