import Commerce
import Foundation
import Money
import Services

/// Products as the JSON API shows them: amounts as decimal text with their currency, the CNY
/// price at the current rate beside the merchant's own, names in both languages.
struct ProductDocument: Codable, Equatable {
    struct Amount: Codable, Equatable {
        let amount: String
        let currency: String

        init(_ money: Money) {
            amount = money.decimalText
            currency = money.currency.code
        }
    }

    struct SKUDocument: Codable, Equatable {
        let id: String
        let variant: [String: String]
        let price: Amount
        /// The price in CNY at the rate in force; absent when no usable rate exists.
        let priceCNY: Amount?
        let weightGrams: Int64
        /// "50 ml": what one unit holds, where a customs rule prices by it.
        let netContent: String?
        let available: Int64
        /// Merchant view only.
        let onHand: Int64?
        let reserved: Int64?
    }

    let id: String
    let storeId: String
    let name: [String: String]
    let description: [String: String]
    let category: String
    let brand: String
    let hsCode: String
    let originCountry: String
    let shipsToChina: Bool
    let noShipReason: [String: String]?
    let artwork: String
    let image: String
    /// Merchant view only: why it is off sale, absent while it is on sale.
    let withdrawn: String?
    let skus: [SKUDocument]

    init(_ product: Product, rates: RateBook, at now: Date, merchantView: Bool = false, withdrawn: ProductWithdrawal.Reason? = nil) {
        id = product.id
        storeId = product.storefrontID
        name = ProductDocument.both(product.name)
        description = ProductDocument.both(product.description)
        category = product.category
        brand = product.brand
        hsCode = product.hsCode
        originCountry = product.originCountry
        shipsToChina = product.shipsToChina
        noShipReason = product.noShipReason.map(ProductDocument.both)
        artwork = product.artwork.code
        image = ProductImage.url(product, .page)
        self.withdrawn = merchantView ? withdrawn?.rawValue : nil
        skus = product.skus.map { sku in
            SKUDocument(
                id: sku.id, variant: ProductDocument.both(sku.variant), price: Amount(sku.price),
                priceCNY: (try? rates.convert(sku.price, to: .CNY, at: now)).map { Amount($0.converted) },
                weightGrams: sku.weightGrams, netContent: sku.netContent?.description, available: sku.available,
                onHand: merchantView ? sku.onHand : nil, reserved: merchantView ? sku.reserved : nil)
        }
    }

    static func both(_ text: LocalizedText) -> [String: String] { ["en": text.en, "zh-CN": text.zh] }
}

struct ProductPageDocument: Codable {
    let products: [ProductDocument]
    let total: Int
    let page: Int
    let pageSize: Int
    let pageCount: Int
}
