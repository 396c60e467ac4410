import Commerce
import Storage

/// A storefront as the home page lists it: who sells, what kind of shop, a few products.
public struct StorefrontListing: Sendable {
    public let merchant: Merchant
    public let storefront: Storefront
    public let productCount: Int
    public let featured: [Product]
}

/// Reads the catalogue.
public struct CatalogService: Sendable {
    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// Every storefront open for sale with its merchant, product count and first
    /// `featuredPerStore` products; with `includingSuspended`, also those of suspended merchants,
    /// whose open orders still show who sold them.
    public func storefronts(featuredPerStore: Int = 3, includingSuspended: Bool = false) async throws -> [StorefrontListing] {
        try await listings(where: includingSuspended ? "" : "WHERE m.suspended_at IS NULL", [], featuredPerStore: featuredPerStore)
    }

    /// One storefront open for sale, by its slug or its id, without reading the others.
    public func storefront(slug: String) async throws -> StorefrontListing? {
        try await listings(where: "WHERE s.slug = ? AND m.suspended_at IS NULL", [.text(slug)], featuredPerStore: 0).first
    }

    public func storefront(id: String) async throws -> StorefrontListing? {
        try await listings(where: "WHERE s.id = ? AND m.suspended_at IS NULL", [.text(id)], featuredPerStore: 0).first
    }

    /// The stores of suspended merchants, whose products are not for sale.
    public func suspendedStoreIDs() async throws -> [String] {
        try await store.read(SQL("SELECT s.id FROM stores s JOIN merchants m ON m.id = s.merchant_id WHERE m.suspended_at IS NOT NULL ORDER BY s.id"))
            .map { try $0.text("id") }
    }

    /// Whether any product is withdrawn from sale (`ProductWithdrawal`), read off its partial index.
    public func anyWithdrawn() async throws -> Bool {
        !(try await store.read(SQL("SELECT id FROM products WHERE withdrawn_at IS NOT NULL LIMIT 1")).isEmpty)
    }

    private func listings(where filter: String, _ bindings: [SQLValue], featuredPerStore: Int) async throws -> [StorefrontListing] {
        let rows = try await store.read(SQL(
            """
            SELECT s.id, s.merchant_id, s.slug, s.name_en, s.name_zh, s.tagline_en, s.tagline_zh,
                   m.name_en AS m_name_en, m.name_zh AS m_name_zh, m.country, m.currency, m.kind, m.onboarded_by,
                   (SELECT CAST(COUNT(*) AS BIGINT) FROM products p WHERE p.store_id = s.id AND p.withdrawn_at IS NULL) AS product_count
            FROM stores s JOIN merchants m ON m.id = s.merchant_id \(filter)
            ORDER BY s.created_at, s.slug
            """, bindings))
        var listings: [StorefrontListing] = []
        for row in rows {
            let storefront = try CatalogRecords.storefront(row)
            let merchant = try CatalogRecords.merchant(Row(
                columns: ["id", "name_en", "name_zh", "country", "currency", "kind", "onboarded_by"],
                values: [row["merchant_id"], row["m_name_en"], row["m_name_zh"], row["country"], row["currency"],
                         row["kind"], row["onboarded_by"]]))
            let featured = featuredPerStore > 0 ? try await products(storeID: storefront.id, limit: featuredPerStore, offset: 0) : []
            listings.append(StorefrontListing(
                merchant: merchant, storefront: storefront,
                productCount: Int(try row.integer("product_count")), featured: featured))
        }
        return listings
    }

    /// A store's products on sale in catalogue order, with their SKUs; with `includingWithdrawn`,
    /// also those withdrawn from sale, as the merchant sees its own.
    public func products(storeID: String, limit: Int, offset: Int, includingWithdrawn: Bool = false) async throws -> [Product] {
        let onSale = includingWithdrawn ? "" : " AND withdrawn_at IS NULL"
        let productRows = try await store.read(SQL(
            "SELECT * FROM products WHERE store_id = ?\(onSale) ORDER BY created_at, id LIMIT ? OFFSET ?", bind: storeID, limit, offset))
        return try await withSKUs(productRows)
    }

    /// A product on sale; with `includingWithdrawn`, also one withdrawn from sale.
    public func product(id: String, includingWithdrawn: Bool = false) async throws -> Product? {
        let onSale = includingWithdrawn ? "" : " AND withdrawn_at IS NULL"
        return try await withSKUs(try await store.read(SQL("SELECT * FROM products WHERE id = ?\(onSale)", bind: id))).first
    }

    /// Why each of `productIDs` that is off sale is, by id; those on sale are absent.
    public func withdrawals(of productIDs: [String]) async throws -> [String: ProductWithdrawal.Reason] {
        guard !productIDs.isEmpty else { return [:] }
        let rows = try await store.read(SQL(
            "SELECT id, withdrawn_reason FROM products WHERE id IN (\(SQL.placeholders(productIDs.count))) AND withdrawn_at IS NOT NULL",
            productIDs.map(\.sqlValue)))
        var reasons: [String: ProductWithdrawal.Reason] = [:]
        for row in rows {
            if let reason = try row.optionalText("withdrawn_reason").flatMap(ProductWithdrawal.Reason.init(rawValue:)) {
                reasons[try row.text("id")] = reason
            }
        }
        return reasons
    }

    /// A SKU with its product and merchant, as checkout needs them, and its row's revision; nil
    /// when its merchant is suspended or its product withdrawn (both move every revision of the
    /// SKUs concerned, so buy now's remembered copies are read again).
    public func sku(_ id: String) async throws -> SKUListing? {
        let rows = try await store.read(SQL(
            """
            SELECT m.* FROM skus k JOIN products p ON p.id = k.product_id JOIN stores s ON s.id = p.store_id
            JOIN merchants m ON m.id = s.merchant_id WHERE k.id = ? AND m.suspended_at IS NULL AND p.withdrawn_at IS NULL
            """, bind: id))
        let productRows = try await store.read(SQL(
            "SELECT p.* FROM skus k JOIN products p ON p.id = k.product_id WHERE k.id = ?", bind: id))
        guard let merchantRow = rows.first, let productRow = productRows.first else { return nil }
        let skuRows = try await store.read(SQL("SELECT * FROM skus WHERE product_id = ? ORDER BY id", bind: try productRow.text("id")))
        guard let skuRow = try skuRows.first(where: { try $0.text("id") == id }) else { return nil }
        let product = try CatalogRecords.product(productRow, skus: try skuRows.map(CatalogRecords.sku))
        return SKUListing(merchant: try CatalogRecords.merchant(merchantRow), product: product, sku: try CatalogRecords.sku(skuRow),
                          revision: try skuRow.integer("revision"))
    }

    func withSKUs(_ productRows: [Row]) async throws -> [Product] {
        guard !productRows.isEmpty else { return [] }
        let ids = try productRows.map { try $0.text("id") }
        let skuRows = try await store.read(SQL(
            "SELECT * FROM skus WHERE product_id IN (\(SQL.placeholders(ids.count))) ORDER BY id", ids.map { $0.sqlValue }))
        var skus: [String: [SKU]] = [:]
        for row in skuRows { skus[try row.text("product_id"), default: []].append(try CatalogRecords.sku(row)) }
        return try productRows.map { row in try CatalogRecords.product(row, skus: skus[try row.text("id")] ?? []) }
    }
}
