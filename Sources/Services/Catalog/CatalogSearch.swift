import Commerce
import Storage

/// What a shopper asks of the catalogue.
public struct ProductQuery: Sendable, Hashable {
    public enum Sort: String, Sendable, CaseIterable {
        case relevance
        case priceAscending = "price_asc"
        case priceDescending = "price_desc"
        case newest
    }

    public var text: String?
    public var storeSlug: String?
    /// A partner bank's flagship: the products of every store its clients keep.
    public var partnerBankID: String?
    public var category: String?
    public var sort: Sort
    public var page: Int
    public var pageSize: Int

    public init(text: String? = nil, storeSlug: String? = nil, category: String? = nil, sort: Sort = .relevance,
                page: Int = 1, pageSize: Int = 24) {
        self.text = text
        self.storeSlug = storeSlug
        self.category = category
        self.sort = sort
        self.page = page
        self.pageSize = pageSize
    }
}

public struct ProductPage: Sendable {
    public let products: [Product]
    /// How many match, counted up to `CatalogSearch.countLimit`; beyond that, `totalIsExact`
    /// is false and pages say "1000+".
    public let total: Int
    public let query: ProductQuery

    public var totalIsExact: Bool { total < CatalogSearch.countLimit }
    public var pageCount: Int { max(1, (total + query.pageSize - 1) / query.pageSize) }
}

/// Browse and search: by store, category and text in Chinese or English, sorted by relevance,
/// by CNY price or by newness, a page at a time. Full-text search is FTS5 in SQLite and a
/// GIN-indexed tsvector in PostgreSQL, both over the tokens `SearchTokens` makes.
public struct CatalogSearch: Sendable {
    let store: any Store
    /// Counting every match of a broad query over a million products costs more than the page
    /// itself; nobody pages that far, so counts stop here.
    public static let countLimit = 1_000
    /// A broad word matches a tenth of a big catalogue; scoring every match costs tens of
    /// milliseconds, so relevance ranks the newest matches up to this many.
    public static let rankedCandidates = 2_000

    public init(store: any Store) {
        self.store = store
    }

    public func search(_ query: ProductQuery) async throws -> ProductPage {
        let synonyms = query.text == nil ? SearchSynonyms.none : try await SearchSynonymService(store: store).current()
        let tokens = query.text.map(synonyms.clauses) ?? []
        var conditions: [String] = []
        var filters: [SQLValue] = []
        if let slug = query.storeSlug {
            guard let store = try await store.read(SQL("SELECT id FROM stores WHERE slug = ?", bind: slug)).first else {
                return ProductPage(products: [], total: 0, query: query)
            }
            conditions.append("p.store_id = ?")
            filters.append(store["id"])
        }
        if let bank = query.partnerBankID {
            conditions.append("p.store_id IN (SELECT s.id FROM stores s JOIN merchants m ON m.id = s.merchant_id WHERE m.partner_bank_id = ?)")
            filters.append(.text(bank))
        }
        if let category = query.category { conditions.append("p.category = ?"); filters.append(.text(category)) }
        // Only when some merchant is suspended or some product withdrawn: a condition always
        // there would cost the unfiltered relevance query its fast path.
        let catalog = CatalogService(store: store)
        let hiddenStores = try await catalog.suspendedStoreIDs()
        if !hiddenStores.isEmpty {
            conditions.append("p.store_id NOT IN (\(SQL.placeholders(hiddenStores.count)))")
            filters += hiddenStores.map { $0.sqlValue }
        }
        if try await catalog.anyWithdrawn() { conditions.append("p.withdrawn_at IS NULL") }
        let offset = Int64((max(query.page, 1) - 1) * query.pageSize)
        let limit = Int64(query.pageSize)
        let order: String
        switch query.sort {
        case .relevance where !tokens.isEmpty: order = "h.score, p.id"
        case .priceAscending: order = "p.sort_price_cny, p.id"
        case .priceDescending: order = "p.sort_price_cny DESC, p.id DESC"
        case .relevance, .newest: order = "p.created_at DESC, p.id DESC"
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        var counting: [SQLValue] = []
        var paging: [SQLValue] = []
        var countFrom = "FROM products p"
        var pageFrom = "FROM products p"
        var window: [SQLValue] = [.integer(limit), .integer(offset)]
        if !tokens.isEmpty {
            countFrom += " JOIN (\(matches(tokens, scored: false, &counting))) h ON h.product_id = p.id"
            if order == "h.score, p.id" && conditions.isEmpty {
                // Relevance with no filter: rank the newest `rankedCandidates` matches (FTS5 reads
                // them off its rowid order and scores no others) and cut the page before any join.
                let newest = store.kind == .sqlite ? " ORDER BY rowid DESC" : ""
                pageFrom += " JOIN (SELECT product_id, score FROM (\(matches(tokens, scored: true, &paging))\(newest) LIMIT ?) c"
                    + " ORDER BY score LIMIT ? OFFSET ?) h ON h.product_id = p.id"
                paging += [.integer(Int64(CatalogSearch.rankedCandidates))] + window
                window = [.integer(limit), .integer(0)]
            } else {
                pageFrom += " JOIN (\(matches(tokens, scored: true, &paging))) h ON h.product_id = p.id"
            }
        }
        let count = try await store.read(SQL(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM (SELECT 1 AS one \(countFrom)\(filter) LIMIT ?) counted",
            counting + filters + [.integer(Int64(CatalogSearch.countLimit))]))
        let rows = try await store.read(SQL(
            "SELECT p.* \(pageFrom)\(filter) ORDER BY \(order) LIMIT ? OFFSET ?", paging + filters + window))
        let products = try await CatalogService(store: store).withSKUs(rows)
        return ProductPage(products: products, total: Int(try count.first?.integer("n") ?? 0), query: query)
    }

    /// The matching product ids from each database's index, with a score (lower is better)
    /// when the order needs one. Every clause must match, any of its alternatives, all of an
    /// alternative's tokens (`SearchSynonyms.clauses`); tokens are letters and digits only, so
    /// quoting them is enough to keep them operands.
    private func matches(_ clauses: [[[String]]], scored: Bool, _ bindings: inout [SQLValue]) -> String {
        func expression(quote: String, and: String, or: String) -> String {
            clauses.map { alternatives in
                let each = alternatives.map { tokens in
                    let all = tokens.map { quote + $0 + quote }.joined(separator: and)
                    return tokens.count > 1 && alternatives.count > 1 ? "(\(all))" : all
                }
                return alternatives.count > 1 ? "(" + each.joined(separator: or) + ")" : each.joined(separator: or)
            }.joined(separator: and)
        }
        switch store.kind {
        case .sqlite:
            bindings.append(.text(expression(quote: "\"", and: " AND ", or: " OR ")))
            let score = scored ? ", bm25(product_search) AS score" : ""
            return "SELECT product_id\(score) FROM product_search WHERE product_search MATCH ?"
        case .postgres:
            let words = SQLValue.text(expression(quote: "'", and: " & ", or: " | "))
            bindings += scored ? [words, words] : [words]
            let score = scored ? ", -ts_rank(document, to_tsquery('simple', ?)) AS score" : ""
            return "SELECT product_id\(score) FROM product_search WHERE document @@ to_tsquery('simple', ?)"
        }
    }
}
