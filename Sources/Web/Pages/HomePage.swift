import Commerce
import Foundation
import Money
import Services

/// The home page: a search box, and every storefront with a few products priced in CNY.
enum HomePage {
    static func render(_ listings: [StorefrontListing], rates: RateBook, now: Date, language l: Language) -> String {
        let cards = listings.map { storeCard($0, rates: rates, now: now, language: l) }
        let main = """
            <h1>\(escapeHTML(Words.tagline(l)))</h1>
            \(SearchPage.form(query: "", language: l))
            \(ProductTiles.rateNote(rates, language: l))
            <h2>\(escapeHTML(Words.stores(l)))</h2>
            \(listings.isEmpty ? "<p>\(escapeHTML(Words.noStores(l)))</p>" : "<ul class=\"stores\">\(cards.joined())</ul>")
            """
        return Layout.page(title: Words.stores(l), language: l, path: "/", main: main)
    }

    private static func storeCard(_ listing: StorefrontListing, rates: RateBook, now: Date, language l: Language) -> String {
        let merchant = listing.merchant
        let slug = escapeHTML(listing.storefront.slug)
        return """
            <li class="store" data-store-slug="\(slug)">
            <h2><a href="/stores/\(slug)">\(escapeHTML(listing.storefront.name(l)))</a></h2>
            \(StorePage.meta(merchant, storefront: listing.storefront, productCount: listing.productCount, language: l))
            \(ProductTiles.grid(listing.featured, rates: rates, now: now, language: l))
            </li>
            """
    }
}
