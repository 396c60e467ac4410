import Commerce
import Foundation
import Money

/// One product: its picture, what it is, where it comes from, each option's CNY price and
/// stock, or why it cannot be shipped to China.
enum ProductDetailPage {
    static func render(_ product: Product, merchant: Merchant, storefront: Storefront, rates: RateBook, now: Date,
                       csrf: String, language l: Language) -> String {
        let name = escapeHTML(product.name(l))
        let options = product.skus.map { sku in
            let stock = sku.available > 0
                ? "<span class=\"stock\" data-available=\"\(sku.available)\">\(sku.available) \(escapeHTML(Words.inStock(l)))</span>"
                : "<span class=\"stock sold-out\" data-available=\"0\">\(escapeHTML(Words.soldOut(l)))</span>"
            let buy = product.shipsToChina && sku.available > 0 ? """
                <form method="post" action="/cart/lines" class="inline">\(BrowserSession.hiddenField(csrf))
                <input type="hidden" name="sku" value="\(escapeHTML(sku.id))"><input type="hidden" name="add" value="1">
                <input type="number" name="quantity" value="1" min="1" max="\(min(sku.available, 999))" aria-label="\(escapeHTML(Words.quantity(l)))">
                <button type="submit" class="add-to-cart">\(escapeHTML(Words.addToCart(l)))</button></form>
                """ : ""
            return """
                <li class="sku" data-sku-id="\(escapeHTML(sku.id))"><span class="variant">\(escapeHTML(sku.variant(l)))</span> \
                \(ProductTiles.priceText(sku.price, rates: rates, now: now, language: l, from: false)) \(stock) \(buy)</li>
                """
        }.joined()
        let blocked = product.noShipReason.map { reason in
            "<p class=\"blocked\" data-cannot-ship=\"true\"><strong>\(escapeHTML(Words.cannotShip(l)))</strong>: \(escapeHTML(reason(l)))</p>"
        } ?? ""
        let main = """
            <article class="product-detail" data-product-id="\(escapeHTML(product.id))">
            <img src="\(escapeHTML(ProductImage.url(product, .page)))" class="photo" alt="\(name)" width="320" height="320">
            <div>
            <h1>\(name)</h1>
            <p class="meta">\(escapeHTML(Words.soldBy(l))): <a href="/stores/\(escapeHTML(storefront.slug))">\(escapeHTML(storefront.name(l)))</a>
            · \(escapeHTML(Words.brand(l))): \(escapeHTML(product.brand))
            · \(escapeHTML(Words.origin(l))): \(escapeHTML(Words.country(product.originCountry)(l)))
            · \(escapeHTML(Words.hsCode(l))): \(escapeHTML(product.hsCode))</p>
            <p class="description">\(escapeHTML(product.description(l)))</p>
            \(blocked)
            <h2>\(escapeHTML(Words.variants(l)))</h2>
            <ul class="skus">\(options)</ul>
            \(landedCost(product, merchant: merchant, rates: rates, now: now, language: l))
            \(ProductTiles.rateNote(rates, language: l))
            <p class="report"><a href="/products/\(escapeHTML(product.id))/report">\(escapeHTML(BrandPages.reportLink(l)))</a></p>
            </div>
            </article>
            """
        return Layout.page(title: product.name(l), language: l, path: "/products/\(product.id)", main: main)
    }

    /// The whole cost of one of the first option delivered to China: goods, freight and tax;
    /// and, before the cart, when the item is worth more than the per-transaction limit, that
    /// it comes in only at general-trade rates, and at which, or not at all.
    static func landedCost(_ product: Product, merchant: Merchant, rates: RateBook, now: Date, language l: Language) -> String {
        guard product.shipsToChina, let sku = product.skus.first,
              let rate = try? rates.rate(from: merchant.currency, to: .CNY, at: now) else { return "" }
        let day = Day(beijing: now)
        switch Result(catching: { () throws(LandedCostError) in
            try LandedCost.quote([ParcelItem(product: product, sku: sku, quantity: 1)], merchant: merchant, rate: rate,
                                 freightTable: .standard, on: day, tariffs: tariffs)
        }) {
        case .success(let cost):
            let limit = CustomsRules.limits(on: day)?.perTransaction
            let generalTrade = limit.map { cost.allowanceValue.minorUnits > $0.minorUnits } ?? false
            let notice = generalTrade ? tariffs.rate(hsCode: product.hsCode).map { tariff in
                "<p class=\"general-trade\" data-general-trade=\"true\">\(escapeHTML(Words.generalTrade(limit: limit ?? cost.total, tariff: tariff)(l)))</p>"
            } ?? "" : ""
            return """
                <section class="landed"><h2>\(escapeHTML(Words.landedCost(l)))</h2>
                \(notice)
                \(ShoppingPages.costTable(goods: cost.goods, freight: cost.freight, tax: cost.tax, total: cost.total, language: l))
                </section>
                """
        case .failure(.noGeneralTradeTariff(let hsCode, let limit)):
            return "<p class=\"blocked\" data-general-trade=\"unavailable\">\(escapeHTML(Words.noGeneralTradeTariff(limit: limit, hsCode: hsCode)(l)))</p>"
        case .failure(.overPerTransactionLimit(let limit, _)):
            return "<p class=\"blocked\" data-over-limit=\"true\">\(escapeHTML(Words.overLimit(limit)(l)))</p>"
        case .failure:
            return ""
        }
    }

    /// The same tariff lines checkout prices with (`CheckoutService.tariffs`).
    static let tariffs = GeneralTradeTariffs.standard
}
