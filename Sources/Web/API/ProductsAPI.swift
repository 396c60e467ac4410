import Commerce
import Foundation
import Hummingbird
import Services

/// The public catalogue: browse and search, and one product.
struct ProductsAPI<Context: RequestContext> {
    let search: CatalogSearch
    let catalog: CatalogService
    let rates: RateService

    func register(on router: Router<Context>) {
        router.get("/api/v1/products") { request, _ in
            let query = try ProductQueryParameters.read(request)
            async let page = search.search(query)
            async let book = rates.book()
            let (found, rates) = try await (page, book)
            let now = Date()
            return try Responses.json(ProductPageDocument(
                products: found.products.map { ProductDocument($0, rates: rates, at: now) }, total: found.total,
                page: query.page, pageSize: query.pageSize, pageCount: found.pageCount))
        }
        router.get("/api/v1/products/:id") { _, context in
            let id = context.parameters.get("id") ?? ""
            guard let product = try await catalog.product(id: id), try await catalog.storefront(id: product.storefrontID) != nil else {
                throw Problem.notFound
            }
            return try Responses.json(ProductDocument(product, rates: try await rates.book(), at: Date()))
        }
    }
}

/// `q`, `store`, `category`, `sort`, `page` and `pageSize` from a query string, each checked.
enum ProductQueryParameters {
    static func read(_ request: Request) throws -> ProductQuery {
        let parameters = request.uri.queryParameters
        func text(_ name: String) -> String? {
            guard let value = parameters.get(name)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        var query = ProductQuery(text: text("q"), storeSlug: text("store"), category: text("category"))
        if let q = query.text, q.count > 200 { throw Problem.validation("a search is at most 200 characters", field: "q") }
        if let sort = try QueryParameter.choice(request, "sort", of: ProductQuery.Sort.self) { query.sort = sort }
        if let page = try QueryParameter.integer(request, "page", in: 1...10_000) { query.page = page }
        if let size = try QueryParameter.integer(request, "pageSize", in: 1...100) { query.pageSize = size }
        return query
    }
}
