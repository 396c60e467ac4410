import Commerce
import Foundation
import Money
import Services

/// The home page: every storefront, with a few products priced in CNY at the current rate.
enum HomePage {
    static func render(_ listings: [StorefrontListing], rates: RateBook, now: Date, language l: Language) -> String {
        var ratesUsed: [ExchangeRate] = []
        let cards = listings.map { listing in
            storeCard(listing, rates: rates, now: now, language: l, ratesUsed: &ratesUsed)
        }
        let newest = ratesUsed.map(\.asOf).max()
        let rateNote = newest.map {
            let shown = $0.formatted(Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().dateSeparator(.dash)
                .time(includingFractionalSeconds: false).timeSeparator(.colon).dateTimeSeparator(.space))
            return "<p class=\"note\" data-rates-as-of=\"\($0.ISO8601Format())\">\(escapeHTML(Words.ratesAsOf(l))) \(shown) UTC</p>"
        } ?? ""
        let main = """
            <h1>\(escapeHTML(Words.tagline(l)))</h1>
            \(rateNote)
            <h2 class="visually-plain">\(escapeHTML(Words.stores(l)))</h2>
            \(listings.isEmpty ? "<p>\(escapeHTML(Words.noStores(l)))</p>" : "<ul class=\"stores\">\(cards.joined())</ul>")
            """
        return Layout.page(title: Words.stores(l), language: l, path: "/", main: main)
    }

    private static func storeCard(_ listing: StorefrontListing, rates: RateBook, now: Date, language l: Language,
                                  ratesUsed: inout [ExchangeRate]) -> String {
        let merchant = listing.merchant
        let vouched = merchant.onboardedBy.map {
            " <span class=\"badge\">\(escapeHTML(Words.onboardedBy(l))): \(escapeHTML($0))</span>"
        } ?? ""
        let products = listing.featured.map { product in
            productTile(product, rates: rates, now: now, language: l, ratesUsed: &ratesUsed)
        }.joined()
        return """
            <li class="store" data-store-slug="\(escapeHTML(listing.storefront.slug))">
            <h2>\(escapeHTML(listing.storefront.name(l)))</h2>
            <p class="meta">\(escapeHTML(Words.country(merchant.country)(l))) · \(escapeHTML(listing.storefront.tagline(l)))<br>
            \(escapeHTML(Words.pricedIn(l))) \(merchant.currency.code) · \(listing.productCount) \(escapeHTML(Words.products(l)))\(vouched)</p>
            <ul class="products">\(products)</ul>
            </li>
            """
    }

    private static func productTile(_ product: Product, rates: RateBook, now: Date, language l: Language,
                                    ratesUsed: inout [ExchangeRate]) -> String {
        let name = escapeHTML(product.name(l))
        let image = "<img src=\"/images/products/\(escapeHTML(product.id)).svg\" alt=\"\(name)\" width=\"96\" height=\"96\">"
        let price: String
        if let reason = product.noShipReason {
            price = "<span class=\"blocked\" title=\"\(escapeHTML(reason(l)))\">\(escapeHTML(Words.cannotShip(l)))</span>"
        } else if let cheapest = product.skus.min(by: { $0.price.minorUnits < $1.price.minorUnits })?.price {
            price = priceText(cheapest, rates: rates, now: now, language: l, ratesUsed: &ratesUsed)
        } else {
            price = ""
        }
        return "<li class=\"product\" data-product-id=\"\(escapeHTML(product.id))\">\(image)<span class=\"name\">\(name)</span>\(price)</li>"
    }

    /// "¥419.99 起 (US$59.00)": the CNY price first, the merchant's own beside it.
    private static func priceText(_ price: Money, rates: RateBook, now: Date, language l: Language,
                                  ratesUsed: inout [ExchangeRate]) -> String {
        let own = escapeHTML(price.formatted(l))
        do {
            let conversion = try rates.convert(price, to: .CNY, at: now)
            ratesUsed.append(conversion.rate)
            let cny = escapeHTML(conversion.converted.formatted(l))
            let shown = l == .zhCN ? "\(cny) \(Words.from(l))" : "\(Words.from(l)) \(cny)"
            return "<span class=\"price\" data-cny-minor=\"\(conversion.converted.minorUnits)\">\(shown)</span> <span class=\"note\">(\(own))</span>"
        } catch {
            return "<span class=\"price\" title=\"\(escapeHTML(Words.rateUnavailable(l)))\">\(own)</span>"
        }
    }
}
