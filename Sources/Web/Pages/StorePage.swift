import Commerce
import Foundation
import Money
import Services

/// One storefront: who sells, and its products a page at a time, sortable by CNY price.
enum StorePage {
    static func render(_ listing: StorefrontListing, page: ProductPage, rates: RateBook, now: Date, language l: Language) -> String {
        let slug = listing.storefront.slug
        let main = """
            <section class="store-header" data-store-slug="\(escapeHTML(slug))">
            <h1>\(escapeHTML(listing.storefront.name(l)))</h1>
            \(meta(listing.merchant, storefront: listing.storefront, productCount: listing.productCount, language: l))
            </section>
            \(SearchPage.sortForm(path: "/stores/\(slug)", query: page.query, language: l))
            \(ProductTiles.rateNote(rates, language: l))
            \(ProductTiles.grid(page.products, rates: rates, now: now, language: l))
            \(ProductTiles.pager(path: "/stores/\(slug)", parameters: [("sort", page.query.sort.rawValue)],
                                 page: page.query.page, pageCount: page.pageCount, language: l))
            """
        return Layout.page(title: listing.storefront.name(l), language: l, path: "/stores/\(slug)", main: main)
    }

    /// "Italy · Florentine leather… / Prices set in EUR · 3 products · Introduced by …"
    static func meta(_ merchant: Merchant, storefront: Storefront, productCount: Int, language l: Language) -> String {
        let vouched = merchant.onboardedBy.map {
            " <span class=\"badge\">\(escapeHTML(Words.onboardedBy(l))): \(escapeHTML($0))</span>"
        } ?? ""
        return """
            <p class="meta">\(escapeHTML(Words.country(merchant.country)(l))) · \(escapeHTML(storefront.tagline(l)))<br>
            \(escapeHTML(Words.pricedIn(l))) \(merchant.currency.code) · \(productCount) \(escapeHTML(Words.products(l)))\(vouched)</p>
            """
    }
}
