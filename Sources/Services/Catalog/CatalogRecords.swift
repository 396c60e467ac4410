import Commerce
import Money
import Storage

/// How catalogue types map to rows and back.
enum CatalogRecords {
    static func merchant(_ row: Row) throws -> Merchant {
        guard let kind = Merchant.Kind(rawValue: try row.text("kind")) else {
            throw StoreError.decoding(column: "kind", expected: "a merchant kind")
        }
        return Merchant(
            id: try row.text("id"),
            name: LocalizedText(en: try row.text("name_en"), zh: try row.text("name_zh")),
            country: try row.text("country"), currency: try Currency(code: try row.text("currency")),
            kind: kind, onboardedBy: try row.optionalText("onboarded_by"))
    }

    static func storefront(_ row: Row) throws -> Storefront {
        Storefront(
            id: try row.text("id"), merchantID: try row.text("merchant_id"), slug: try row.text("slug"),
            name: LocalizedText(en: try row.text("name_en"), zh: try row.text("name_zh")),
            tagline: LocalizedText(en: try row.text("tagline_en"), zh: try row.text("tagline_zh")))
    }

    static func product(_ row: Row, skus: [SKU]) throws -> Product {
        guard let artwork = Artwork(code: try row.text("artwork")) else {
            throw StoreError.decoding(column: "artwork", expected: "shape:#rrggbb")
        }
        let reason: LocalizedText? = try row.bool("ships_to_china") ? nil
            : LocalizedText(en: try row.optionalText("no_ship_reason_en") ?? "", zh: try row.optionalText("no_ship_reason_zh") ?? "")
        var product = Product(
            id: try row.text("id"), storefrontID: try row.text("store_id"),
            name: LocalizedText(en: try row.text("name_en"), zh: try row.text("name_zh")),
            description: LocalizedText(en: try row.text("description_en"), zh: try row.text("description_zh")),
            category: try row.text("category"), brand: try row.text("brand"), hsCode: try row.text("hs_code"),
            originCountry: try row.text("origin_country"), noShipReason: reason, artwork: artwork, skus: skus)
        product.photoRevision = try row.optionalInteger("photo_revision")
        return product
    }

    static func sku(_ row: Row) throws -> SKU {
        SKU(id: try row.text("id"), variant: LocalizedText(en: try row.text("variant_en"), zh: try row.text("variant_zh")),
            price: Money(minorUnits: try row.integer("price_minor"), currency: try Currency(code: try row.text("currency"))),
            weightGrams: try row.integer("weight_grams"), onHand: try row.integer("on_hand"), reserved: try row.integer("reserved"),
            netContent: try row.optionalText("net_content").map { text in
                do { return try NetContent(parsing: text) } catch { throw StoreError.decoding(column: "net_content", expected: "50 ml, 7.5 g or 10 pcs") }
            })
    }

    /// The inserts that put a merchant and its storefront into the catalogue.
    static func inserts(_ merchant: Merchant, _ storefront: Storefront, createdAt: Int64) -> [Change] {
        let m = merchant
        let s = storefront
        return [
            .write(SQL("INSERT INTO merchants (id, name_en, name_zh, country, currency, kind, onboarded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       bind: m.id, m.name.en, m.name.zh, m.country, m.currency.code, m.kind.rawValue, m.onboardedBy, createdAt)),
            .write(SQL("INSERT INTO stores (id, merchant_id, slug, name_en, name_zh, tagline_en, tagline_zh, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       bind: s.id, s.merchantID, s.slug, s.name.en, s.name.zh, s.tagline.en, s.tagline.zh, createdAt)),
        ]
    }

    /// A product to save, with its CNY sort key and the time it was created or changed.
    struct Saving {
        let product: Product
        let sortPriceCNY: Int64
        let at: Int64
    }

    /// The changes that create `products` or replace them, where an id is already the same
    /// storefront's: their rows, their SKUs (stock kept at least at what is reserved), the SKUs
    /// they no longer have, their search tokens, and their cheapest price with the CNY sort key.
    /// An id that belongs to another storefront is a conflict, and nothing is written.
    ///
    /// Set-based: one statement per table for each chunk of products, since every statement is
    /// a round trip to PostgreSQL (a 10,000-product import took 44 s one statement per row).
    static func upserts(_ products: [Saving], kind: StoreKind) -> [Change] {
        var chunks: [[Saving]] = [[]]
        var skusInChunk = 0
        for saving in products {
            if chunks[chunks.count - 1].count == chunkProducts || skusInChunk + saving.product.skus.count > chunkSKUs {
                chunks.append([])
                skusInChunk = 0
            }
            chunks[chunks.count - 1].append(saving)
            skusInChunk += saving.product.skus.count
        }
        return chunks.flatMap { upsertChunk($0, kind: kind) }
    }

    /// Rows per statement, so that the bound values (19 a product, 8 a SKU) stay well below
    /// SQLite's 32,766 and PostgreSQL's 65,535.
    static let chunkProducts = 500
    static let chunkSKUs = 2_000

    private static func upsertChunk(_ chunk: [Saving], kind: StoreKind) -> [Change] {
        guard !chunk.isEmpty else { return [] }
        var productValues: [SQLValue] = []
        for saving in chunk {
            let p = saving.product
            let cheapest = p.skus.map(\.price).min { $0.minorUnits < $1.minorUnits }
            let row: [any SQLBindable] = [
                p.id, p.storefrontID, p.name.en, p.name.zh, p.description.en, p.description.zh, p.category, p.brand, p.hsCode,
                p.originCountry, p.shipsToChina, p.noShipReason?.en, p.noShipReason?.zh, p.artwork.code, saving.at, saving.at,
                cheapest?.minorUnits, cheapest?.currency.code, saving.sortPriceCNY,
            ]
            productValues += row.map { $0.sqlValue }
        }
        var changes: [Change] = [.guarded(SQL(
            """
            INSERT INTO products (id, store_id, name_en, name_zh, description_en, description_zh, category, brand, hs_code,
                origin_country, ships_to_china, no_ship_reason_en, no_ship_reason_zh, artwork, created_at, updated_at,
                from_price_minor, from_price_currency, sort_price_cny)
            VALUES \(rows(chunk.count, width: 19))
            ON CONFLICT (id) DO UPDATE SET name_en = excluded.name_en, name_zh = excluded.name_zh,
                description_en = excluded.description_en, description_zh = excluded.description_zh,
                category = excluded.category, brand = excluded.brand, hs_code = excluded.hs_code,
                origin_country = excluded.origin_country, ships_to_china = excluded.ships_to_china,
                no_ship_reason_en = excluded.no_ship_reason_en, no_ship_reason_zh = excluded.no_ship_reason_zh,
                artwork = excluded.artwork, updated_at = excluded.updated_at, from_price_minor = excluded.from_price_minor,
                from_price_currency = excluded.from_price_currency, sort_price_cny = excluded.sort_price_cny
            WHERE products.store_id = excluded.store_id
            RETURNING id
            """, productValues),
            rows: chunk.count, conflict: "a product id is taken by another store")]
        let skus = chunk.flatMap { saving in saving.product.skus.map { (saving.product.id, $0) } }
        let skuValues: [SQLValue] = skus.flatMap { productID, k -> [SQLValue] in
            let row: [any SQLBindable] = [k.id, productID, k.variant.en, k.variant.zh, k.price.minorUnits, k.price.currency.code,
                                          k.weightGrams, k.onHand, k.netContent?.description]
            return row.map { $0.sqlValue }
        }
        changes.append(.guarded(SQL(
            """
            INSERT INTO skus (id, product_id, variant_en, variant_zh, price_minor, currency, weight_grams, on_hand, net_content)
            VALUES \(rows(skus.count, width: 9))
            ON CONFLICT (id) DO UPDATE SET variant_en = excluded.variant_en, variant_zh = excluded.variant_zh,
                price_minor = excluded.price_minor, currency = excluded.currency, weight_grams = excluded.weight_grams,
                on_hand = excluded.on_hand, net_content = excluded.net_content, revision = skus.revision + 1
            WHERE skus.product_id = excluded.product_id AND skus.reserved <= excluded.on_hand
            RETURNING id
            """, skuValues),
            rows: skus.count, conflict: "a SKU belongs to another product, or its new stock is below what buyers have reserved"))
        let productIDs = chunk.map(\.product.id.sqlValue)
        changes.append(.write(SQL(
            "DELETE FROM skus WHERE product_id IN (\(SQL.placeholders(chunk.count))) AND reserved = 0 AND id NOT IN (\(SQL.placeholders(skus.count)))",
            productIDs + skus.map(\.1.id.sqlValue))))
        let tokens: [SQLValue] = chunk.flatMap { saving -> [SQLValue] in
            let p = saving.product
            let text = [p.name.en, p.name.zh, p.brand, p.category, p.description.en, p.description.zh, HSHeadings.words(for: p.hsCode)]
                .joined(separator: " ")
            return [.text(p.id), .text(SearchTokens.document(text).joined(separator: " "))]
        }
        switch kind {
        case .sqlite:
            // FTS5 finds rows fast only by rowid, so each search row takes its product row's rowid.
            changes.append(.write(SQL(
                "DELETE FROM product_search WHERE rowid IN (SELECT rowid FROM products WHERE id IN (\(SQL.placeholders(chunk.count))))",
                productIDs)))
            changes.append(.write(SQL(
                """
                WITH saved(id, tokens) AS (VALUES \(rows(chunk.count, width: 2)))
                INSERT INTO product_search (rowid, product_id, tokens)
                SELECT p.rowid, p.id, saved.tokens FROM saved JOIN products p ON p.id = saved.id
                """, tokens)))
        case .postgres:
            changes.append(.write(SQL(
                "DELETE FROM product_search WHERE product_id IN (\(SQL.placeholders(chunk.count)))", productIDs)))
            changes.append(.write(SQL(
                "INSERT INTO product_search (product_id, tokens) VALUES \(rows(chunk.count, width: 2))", tokens)))
        }
        return changes
    }

    /// "(?, ?), (?, ?)": `count` rows of `width` placeholders.
    static func rows(_ count: Int, width: Int) -> String {
        let row = "(" + SQL.placeholders(width) + ")"
        return Array(repeating: row, count: count).joined(separator: ", ")
    }
}
