import Commerce
import Foundation
import Money
import Services

/// Search results, and the search and sort forms other pages share.
public enum SearchPage {
    public static func render(_ page: ProductPage, rates: RateBook, stores: [String: LocalizedText] = [:], now: Date, language l: Language) -> String {
        let text = page.query.text ?? ""
        let results = page.products.isEmpty
            ? "<p class=\"empty\">\(escapeHTML(Words.noResults(l)))</p>"
            : ProductTiles.grid(page.products, rates: rates, now: now, language: l, stores: stores)
        let main = """
            \(form(query: text, language: l))
            <p class="note" data-total="\(page.total)">\(escapeHTML(Words.results(page.total, exact: page.totalIsExact)(l)))</p>
            \(sortForm(path: "/search", query: page.query, language: l))
            \(results)
            \(ProductTiles.pager(path: "/search", parameters: [("q", text), ("sort", page.query.sort.rawValue)],
                                 page: page.query.page, pageCount: page.pageCount, language: l))
            """
        return Layout.page(title: text.isEmpty ? Words.search(l) : text, language: l, path: "/search", main: main)
    }

    static func form(query: String, language l: Language) -> String {
        """
        <form class="search" action="/search" method="get" role="search">
        <input type="search" name="q" value="\(escapeHTML(query))" placeholder="\(escapeHTML(Words.searchPlaceholder(l)))" aria-label="\(escapeHTML(Words.search(l)))" maxlength="200">
        <button type="submit">\(escapeHTML(Words.search(l)))</button>
        </form>
        """
    }

    static func sortForm(path: String, query: ProductQuery, language l: Language) -> String {
        let labels: [(ProductQuery.Sort, LocalizedText)] = [
            (.relevance, Words.relevance), (.priceAscending, Words.priceLowHigh), (.priceDescending, Words.priceHighLow),
            (.newest, Words.newest),
        ]
        let options = labels.map { sort, label in
            "<option value=\"\(sort.rawValue)\"\(sort == query.sort ? " selected" : "")>\(escapeHTML(label(l)))</option>"
        }.joined()
        let keep = query.text.map { "<input type=\"hidden\" name=\"q\" value=\"\(escapeHTML($0))\">" } ?? ""
        return """
            <form class="sort" action="\(escapeHTML(path))" method="get">\(keep)
            <label>\(escapeHTML(Words.sortBy(l))) <select name="sort" onchange="this.form.submit()">\(options)</select></label>
            <noscript><button type="submit">OK</button></noscript>
            </form>
            """
    }
}
