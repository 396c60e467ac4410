import Commerce
import Foundation
import Money

/// One product: its picture, what it is, where it comes from, each option's CNY price and
/// stock, or why it cannot be shipped to China.
enum ProductDetailPage {
    static func render(_ product: Product, merchant: Merchant, storefront: Storefront, rates: RateBook, now: Date,
                       language l: Language) -> String {
        let name = escapeHTML(product.name(l))
        let options = product.skus.map { sku in
            let stock = sku.available > 0
                ? "<span class=\"stock\" data-available=\"\(sku.available)\">\(sku.available) \(escapeHTML(Words.inStock(l)))</span>"
                : "<span class=\"stock sold-out\" data-available=\"0\">\(escapeHTML(Words.soldOut(l)))</span>"
            return """
                <li class="sku" data-sku-id="\(escapeHTML(sku.id))"><span class="variant">\(escapeHTML(sku.variant(l)))</span> \
                \(ProductTiles.priceText(sku.price, rates: rates, now: now, language: l, from: false)) \(stock)</li>
                """
        }.joined()
        let blocked = product.noShipReason.map { reason in
            "<p class=\"blocked\" data-cannot-ship=\"true\"><strong>\(escapeHTML(Words.cannotShip(l)))</strong>: \(escapeHTML(reason(l)))</p>"
        } ?? ""
        let main = """
            <article class="product-detail" data-product-id="\(escapeHTML(product.id))">
            <img src="/images/products/\(escapeHTML(product.id)).svg" alt="\(name)" width="320" height="320">
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
            \(ProductTiles.rateNote(rates, language: l))
            </div>
            </article>
            """
        return Layout.page(title: product.name(l), language: l, path: "/products/\(product.id)", main: main)
    }
}
