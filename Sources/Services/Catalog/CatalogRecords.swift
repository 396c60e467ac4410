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
        return Product(
            id: try row.text("id"), storefrontID: try row.text("store_id"),
            name: LocalizedText(en: try row.text("name_en"), zh: try row.text("name_zh")),
            description: LocalizedText(en: try row.text("description_en"), zh: try row.text("description_zh")),
            category: try row.text("category"), brand: try row.text("brand"), hsCode: try row.text("hs_code"),
            originCountry: try row.text("origin_country"), noShipReason: reason, artwork: artwork, skus: skus)
    }

    static func sku(_ row: Row) throws -> SKU {
        SKU(id: try row.text("id"), variant: LocalizedText(en: try row.text("variant_en"), zh: try row.text("variant_zh")),
            price: Money(minorUnits: try row.integer("price_minor"), currency: try Currency(code: try row.text("currency"))),
            weightGrams: try row.integer("weight_grams"), onHand: try row.integer("on_hand"), reserved: try row.integer("reserved"))
    }

    /// The inserts that put a merchant, its storefront and products into the catalogue.
    static func inserts(_ entry: DemoCatalog.Entry, createdAt: Int64) -> [Change] {
        let m = entry.merchant
        let s = entry.storefront
        var changes: [Change] = [
            .write(SQL("INSERT INTO merchants (id, name_en, name_zh, country, currency, kind, onboarded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       bind: m.id, m.name.en, m.name.zh, m.country, m.currency.code, m.kind.rawValue, m.onboardedBy, createdAt)),
            .write(SQL("INSERT INTO stores (id, merchant_id, slug, name_en, name_zh, tagline_en, tagline_zh, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       bind: s.id, s.merchantID, s.slug, s.name.en, s.name.zh, s.tagline.en, s.tagline.zh, createdAt)),
        ]
        for (index, p) in entry.products.enumerated() {
            changes.append(.write(SQL(
                """
                INSERT INTO products (id, store_id, name_en, name_zh, description_en, description_zh, category, brand, hs_code,
                    origin_country, ships_to_china, no_ship_reason_en, no_ship_reason_zh, artwork, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                bind: p.id, p.storefrontID, p.name.en, p.name.zh, p.description.en, p.description.zh, p.category, p.brand,
                p.hsCode, p.originCountry, p.shipsToChina, p.noShipReason?.en, p.noShipReason?.zh, p.artwork.code,
                createdAt + Int64(index))))
            for k in p.skus {
                changes.append(.write(SQL(
                    """
                    INSERT INTO skus (id, product_id, variant_en, variant_zh, price_minor, currency, weight_grams, on_hand, reserved)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    bind: k.id, p.id, k.variant.en, k.variant.zh, k.price.minorUnits, k.price.currency.code, k.weightGrams,
                    k.onHand, k.reserved)))
            }
        }
        return changes
    }
}
