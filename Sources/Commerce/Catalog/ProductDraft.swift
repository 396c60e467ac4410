import Foundation
import Money

/// What a merchant sends to create or replace a product: text as typed, prices as decimal
/// text in the merchant's currency. `validated` turns it into a `Product` or says which field
/// is wrong.
public struct ProductDraft: Sendable, Hashable, Codable {
    public var id: String
    public var nameEn: String
    public var nameZh: String
    public var descriptionEn: String
    public var descriptionZh: String
    public var category: String
    public var brand: String
    public var hsCode: String
    public var originCountry: String
    public var shipsToChina: Bool
    public var noShipReasonEn: String?
    public var noShipReasonZh: String?
    public var artwork: String?
    public var skus: [SKUDraft]
    /// The most variants one product has.
    public static let maxSKUs = 100

    public struct SKUDraft: Sendable, Hashable, Codable {
        public var id: String
        public var variantEn: String
        public var variantZh: String
        public var price: String
        public var weightGrams: Int64
        public var stock: Int64
        /// What one unit holds: "50 ml", "7.5 g", "10 pcs". Needed where a customs rule prices
        /// by it (cosmetics: `CustomsRules.needsNetContent`).
        public var netContent: String?

        public init(id: String, variantEn: String, variantZh: String, price: String, weightGrams: Int64, stock: Int64,
                    netContent: String? = nil) {
            self.id = id
            self.variantEn = variantEn
            self.variantZh = variantZh
            self.price = price
            self.weightGrams = weightGrams
            self.stock = stock
            self.netContent = netContent
        }
    }

    public init(id: String, nameEn: String, nameZh: String, descriptionEn: String, descriptionZh: String, category: String,
                brand: String, hsCode: String, originCountry: String, shipsToChina: Bool, noShipReasonEn: String? = nil,
                noShipReasonZh: String? = nil, artwork: String? = nil, skus: [SKUDraft]) {
        self.id = id
        self.nameEn = nameEn
        self.nameZh = nameZh
        self.descriptionEn = descriptionEn
        self.descriptionZh = descriptionZh
        self.category = category
        self.brand = brand
        self.hsCode = hsCode
        self.originCountry = originCountry
        self.shipsToChina = shipsToChina
        self.noShipReasonEn = noShipReasonEn
        self.noShipReasonZh = noShipReasonZh
        self.artwork = artwork
        self.skus = skus
    }

    /// The product this draft describes for `storefront`, priced in `currency`.
    public func validated(storefrontID: String, currency: Currency) throws(CatalogError) -> Product {
        try CatalogRules.identifier(id, field: "id")
        let name = try CatalogRules.text(en: nameEn, zh: nameZh, field: "name", limit: 200)
        let description = try CatalogRules.text(en: descriptionEn, zh: descriptionZh, field: "description", limit: 5000)
        try CatalogRules.plain(category, field: "category", limit: 60)
        try CatalogRules.plain(brand, field: "brand", limit: 120)
        try CatalogRules.hsCode(hsCode)
        try CatalogRules.country(originCountry, field: "originCountry")
        var reason: LocalizedText?
        if !shipsToChina {
            reason = try CatalogRules.text(en: noShipReasonEn ?? "", zh: noShipReasonZh ?? "", field: "noShipReason", limit: 500)
        }
        let art = try artwork.map { code throws(CatalogError) -> Artwork in
            guard let art = Artwork(code: code) else { throw CatalogError(field: "artwork", "expected shape:#rrggbb") }
            return art
        } ?? Artwork(shape: .box, color: "#8a8a8a")
        guard !skus.isEmpty else { throw CatalogError(field: "skus", "a product needs at least one SKU") }
        guard skus.count <= Self.maxSKUs else { throw CatalogError(field: "skus", "at most \(Self.maxSKUs) SKUs per product") }
        var variants: [SKU] = []
        var seen = Set<String>()
        let contentNeeded = CustomsRules.needsNetContent(hsCode: hsCode)
        for (index, sku) in skus.enumerated() {
            do throws(CatalogError) {
                let validated = try sku.validated(currency: currency)
                guard validated.netContent != nil || !contentNeeded else {
                    throw CatalogError(field: "netContent", "HS \(hsCode) is taxed by its price per ml, g or piece: give the net content (\"50 ml\")")
                }
                guard seen.insert(validated.id).inserted else { throw CatalogError(field: "id", "appears twice") }
                variants.append(validated)
            } catch {
                throw error.within("skus[\(index)]")
            }
        }
        return Product(id: id, storefrontID: storefrontID, name: name, description: description, category: category,
                       brand: brand, hsCode: hsCode, originCountry: originCountry, noShipReason: reason, artwork: art,
                       skus: variants)
    }
}

extension ProductDraft.SKUDraft {
    func validated(currency: Currency) throws(CatalogError) -> SKU {
        try CatalogRules.identifier(id, field: "id")
        let variant = try CatalogRules.text(en: variantEn, zh: variantZh, field: "variant", limit: 120)
        let amount: Money
        do { amount = try Money(decimal: price, currency: currency) } catch {
            throw CatalogError(field: "price", error.description)
        }
        guard amount.minorUnits > 0 else { throw CatalogError(field: "price", "must be greater than zero") }
        guard (1...1_000_000).contains(weightGrams) else {
            throw CatalogError(field: "weightGrams", "must be from 1 to 1,000,000 grams")
        }
        guard (0...1_000_000_000).contains(stock) else { throw CatalogError(field: "stock", "must be from 0 to 1,000,000,000") }
        let content = try netContent.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }.map(NetContent.init(parsing:))
        return SKU(id: id, variant: variant, price: amount, weightGrams: weightGrams, onHand: stock, netContent: content)
    }
}
