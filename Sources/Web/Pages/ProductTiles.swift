import Commerce
import Foundation
import Money

/// Product tiles and prices as every listing page shows them: the CNY price first, the
/// merchant's own beside it, or why the product cannot be bought.
enum ProductTiles {
    /// `stores`: the storefronts' names by id, on pages that mix stores (search), so that each
    /// tile says whose it is.
    static func grid(_ products: [Product], rates: RateBook, now: Date, language l: Language, stores: [String: LocalizedText] = [:]) -> String {
        "<ul class=\"products\">" + products.map { tile($0, rates: rates, now: now, language: l, store: stores[$0.storefrontID]) }.joined() + "</ul>"
    }

    static func tile(_ product: Product, rates: RateBook, now: Date, language l: Language, store: LocalizedText? = nil) -> String {
        let name = escapeHTML(product.name(l))
        let link = "/products/\(escapeHTML(product.id))"
        let image = "<img src=\"\(escapeHTML(ProductImage.url(product, .tile)))\" alt=\"\(name)\" width=\"96\" height=\"96\">"
        let price: String
        if let reason = product.noShipReason {
            price = "<span class=\"blocked\" title=\"\(escapeHTML(reason(l)))\">\(escapeHTML(Words.cannotShip(l)))</span>"
        } else if let cheapest = product.skus.min(by: { $0.price.minorUnits < $1.price.minorUnits })?.price {
            price = priceText(cheapest, rates: rates, now: now, language: l, from: product.skus.count > 1)
        } else {
            price = ""
        }
        return "<li class=\"product\" data-product-id=\"\(escapeHTML(product.id))\"><a href=\"\(link)\">\(image)<span class=\"name\">\(name)</span></a>\(store.map { "<span class=\"store-name\">\(escapeHTML($0(l)))</span>" } ?? "")\(price)</li>"
    }

    /// "¥419.96 起 (US$59.00)"; the merchant's price alone, marked, when no rate is usable.
    static func priceText(_ price: Money, rates: RateBook, now: Date, language l: Language, from: Bool) -> String {
        let own = escapeHTML(price.formatted(l))
        guard let conversion = try? rates.convert(price, to: .CNY, at: now) else {
            return "<span class=\"price\" title=\"\(escapeHTML(Words.rateUnavailable(l)))\">\(own)</span>"
        }
        let cny = escapeHTML(conversion.converted.formatted(l))
        let shown = !from ? cny : l == .zhCN ? "\(cny) \(Words.from(l))" : "\(Words.from(l)) \(cny)"
        return "<span class=\"price\" data-cny-minor=\"\(conversion.converted.minorUnits)\">\(shown)</span> <span class=\"note\">(\(own))</span>"
    }

    /// "Exchange rates as of 2026-11-23 16:00:00 Beijing time", from the newest rate into CNY.
    static func rateNote(_ rates: RateBook, language l: Language) -> String {
        guard let newest = rates.rates.filter({ $0.quote == .CNY }).map(\.asOf).max() else { return "" }
        return "<p class=\"note\" data-rates-as-of=\"\(newest.ISO8601Format())\">\(escapeHTML(Words.ratesAsOf(l))) \(escapeHTML(ShownTime.inBeijing(newest, l)))</p>"
    }

    /// Links to the other pages of a listing, keeping its other parameters.
    static func pager(path: String, parameters: [(String, String)], page: Int, pageCount: Int, language l: Language) -> String {
        guard pageCount > 1 else { return "" }
        func link(_ number: Int, _ label: String) -> String {
            let query = (parameters + [("page", String(number))])
                .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))) ?? "")" }
                .joined(separator: "&")
            return "<a href=\"\(escapeHTML(path))?\(escapeHTML(query))\" data-page=\"\(number)\">\(escapeHTML(label))</a>"
        }
        var parts: [String] = []
        if page > 1 { parts.append(link(page - 1, Words.previous(l))) }
        parts.append("<span>\(page) / \(pageCount)</span>")
        if page < pageCount { parts.append(link(page + 1, Words.next(l))) }
        return "<nav class=\"pager\">" + parts.joined(separator: " ") + "</nav>"
    }
}
