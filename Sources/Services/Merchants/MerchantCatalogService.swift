import Commerce
import Foundation
import Money
import Storage

/// A merchant's own catalogue: it reads and changes only its own storefront's products.
public struct MerchantCatalogService: Sendable {
    let store: any Store
    let rates: RateService

    public init(store: any Store, rates: RateService) {
        self.store = store
        self.rates = rates
    }

    /// Which draft of a batch was refused, and why.
    public struct DraftRefused: Error, Equatable, CustomStringConvertible {
        public let index: Int
        public let error: CatalogError
        public var description: String { "products[\(index)].\(error.field): \(error.message)" }

        public init(index: Int, error: CatalogError) {
            self.index = index
            self.error = error
        }
    }

    public struct NotFound: Error, Equatable, CustomStringConvertible {
        public let what: String
        public var description: String { "no \(what) in your catalogue" }
    }

    public func storefront(of merchant: Merchant) async throws -> Storefront {
        let rows = try await store.read(SQL("SELECT * FROM stores WHERE merchant_id = ? ORDER BY created_at LIMIT 1",
                                            bind: merchant.id))
        guard let row = rows.first else { throw NotFound(what: "storefront") }
        return try CatalogRecords.storefront(row)
    }

    /// Creates or replaces every product of `drafts` in one transaction: all of them, or none.
    @discardableResult
    public func save(_ drafts: [ProductDraft], for merchant: Merchant, at now: Date) async throws -> [Product] {
        let decision = try await saving(drafts, for: merchant, at: now)
        try await store.apply(decision.changes)
        return decision.products
    }

    /// The products `drafts` describe and the changes that save them, for a caller that
    /// commits them with changes of its own (an idempotency key).
    public func saving(_ drafts: [ProductDraft], for merchant: Merchant, at now: Date) async throws
        -> (changes: [Change], products: [Product]) {
        let storefront = try await storefront(of: merchant)
        var products: [Product] = []
        var seen = Set<String>()
        var seenSKUs = Set<String>()
        for (index, draft) in drafts.enumerated() {
            do {
                let product = try draft.validated(storefrontID: storefront.id, currency: merchant.currency)
                guard seen.insert(product.id).inserted else { throw CatalogError(field: "id", "appears twice in the batch") }
                for (position, sku) in product.skus.enumerated() where !seenSKUs.insert(sku.id).inserted {
                    throw CatalogError(field: "skus[\(position)].id", "appears in another product of the batch")
                }
                products.append(product)
            } catch let error as CatalogError {
                throw DraftRefused(index: index, error: error)
            }
        }
        if let (index, coverage) = try await BrandAuthorisationService(store: store).firstUncovered(products, of: merchant.id, at: now) {
            throw DraftRefused(index: index, error: CatalogError(field: "brand", Self.unauthorised(products[index].brand, coverage)))
        }
        let book = try await rates.book()
        let stamp = now.millisecondsSince1970
        let changes = CatalogRecords.upserts(products.map { product in
            CatalogRecords.Saving(product: product, sortPriceCNY: CatalogPricing.sortKey(product, book: book, at: now), at: stamp)
        }, kind: store.kind)
        return (changes, products)
    }

    /// Why a branded product cannot be published, and what to file.
    static func unauthorised(_ brand: String, _ coverage: BrandRules.Coverage) -> String {
        let file = "file the brand owner's letter or the trademark registration at POST /api/v1/merchant/brand-authorisations"
        switch coverage {
        case .lapsed(let until): return "the authorisation on file for \(brand) ended on \(until): \(file)"
        case .otherClasses(let needed):
            return "the authorisation on file for \(brand) does not cover Nice class \(needed.sorted().map(String.init).joined(separator: " or ")), where these goods fall: \(file)"
        case .missing, .unbranded, .covered: return "no accepted authorisation for \(brand) is on file: \(file), or write \"无品牌\" for goods with no brand"
        }
    }

    /// Why each of `products` that is off sale is (its brand's authorisation lapsed, or ops took
    /// it down as counterfeit), by id.
    public func withdrawals(of products: [Product]) async throws -> [String: ProductWithdrawal.Reason] {
        try await CatalogService(store: store).withdrawals(of: products.map(\.id))
    }

    /// The merchant's products, newest first.
    public func products(of merchant: Merchant, limit: Int, offset: Int) async throws -> [Product] {
        let storefront = try await storefront(of: merchant)
        let catalog = CatalogService(store: store)
        return try await catalog.products(storeID: storefront.id, limit: limit, offset: offset, includingWithdrawn: true)
    }

    public func product(_ id: String, of merchant: Merchant) async throws -> Product {
        let storefront = try await storefront(of: merchant)
        guard let product = try await CatalogService(store: store).product(id: id, includingWithdrawn: true),
              product.storefrontID == storefront.id else {
            throw NotFound(what: "product \(id)")
        }
        return product
    }

    /// Changes one SKU's price and/or stock; the product's cheapest price and sort key follow.
    public func updateSKU(_ skuID: String, price: String?, stock: Int64?, for merchant: Merchant, at now: Date) async throws -> SKU {
        let decision = try await updatingSKU(skuID, price: price, stock: stock, for: merchant, at: now)
        try await store.apply(decision.changes)
        return decision.sku
    }

    public func updatingSKU(_ skuID: String, price: String?, stock: Int64?, for merchant: Merchant, at now: Date) async throws
        -> (changes: [Change], product: Product, sku: SKU) {
        let rows = try await store.read(SQL(
            "SELECT k.product_id FROM skus k JOIN products p ON p.id = k.product_id JOIN stores s ON s.id = p.store_id WHERE k.id = ? AND s.merchant_id = ?",
            bind: skuID, merchant.id))
        guard let productID = try rows.first?.text("product_id") else { throw NotFound(what: "SKU \(skuID)") }
        var draft = ProductDraft(try await product(productID, of: merchant))
        guard let index = draft.skus.firstIndex(where: { $0.id == skuID }) else { throw NotFound(what: "SKU \(skuID)") }
        if let price { draft.skus[index].price = price }
        if let stock { draft.skus[index].stock = stock }
        do {
            let decision = try await saving([draft], for: merchant, at: now)
            guard let product = decision.products.first, let sku = product.skus.first(where: { $0.id == skuID }) else {
                throw NotFound(what: "SKU \(skuID)")
            }
            return (decision.changes, product, sku)
        } catch let refused as DraftRefused {
            let prefix = "skus[\(index)]."
            let field = refused.error.field.hasPrefix(prefix) ? String(refused.error.field.dropFirst(prefix.count)) : refused.error.field
            throw CatalogError(field: field, refused.error.message)
        }
    }
}

extension ProductDraft {
    /// The draft that would save `product` as it is.
    public init(_ product: Product) {
        self.init(
            id: product.id, nameEn: product.name.en, nameZh: product.name.zh, descriptionEn: product.description.en,
            descriptionZh: product.description.zh, category: product.category, brand: product.brand, hsCode: product.hsCode,
            originCountry: product.originCountry, shipsToChina: product.shipsToChina,
            noShipReasonEn: product.noShipReason?.en, noShipReasonZh: product.noShipReason?.zh, artwork: product.artwork.code,
            skus: product.skus.map { sku in
                SKUDraft(id: sku.id, variantEn: sku.variant.en, variantZh: sku.variant.zh, price: sku.price.decimalText,
                         weightGrams: sku.weightGrams, stock: sku.onHand, netContent: sku.netContent?.description)
            })
    }
}
