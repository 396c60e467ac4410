import Commerce
import Foundation
import Hummingbird
import Services

/// The pages people see, and what they load (stylesheet, product pictures).
struct PageRoutes<Context: RequestContext> {
    let catalog: CatalogService
    let search: CatalogSearch
    let rates: RateService
    let configuration: WebConfiguration

    func register(on router: Router<Context>) {
        router.get("/") { request, _ in
            let language = LanguageChoice.language(of: request)
            async let listings = catalog.storefronts()
            async let book = rates.book()
            return Responses.html(HomePage.render(try await listings, rates: try await book, now: Date(), language: language))
        }
        router.get("/search") { request, _ in
            let query = try ProductQueryParameters.read(request)
            async let page = search.search(query)
            async let book = rates.book()
            async let listings = catalog.storefronts(featuredPerStore: 0)
            let stores = Dictionary(uniqueKeysWithValues: try await listings.map { ($0.storefront.id, $0.storefront.name) })
            return Responses.html(SearchPage.render(try await page, rates: try await book, stores: stores, now: Date(),
                                                    language: LanguageChoice.language(of: request)))
        }
        router.get("/stores/:slug") { request, context in
            let slug = context.parameters.get("slug") ?? ""
            guard let listing = try await catalog.storefront(slug: slug) else {
                throw Problem.notFound
            }
            var query = try ProductQueryParameters.read(request)
            query.storeSlug = slug
            query.text = nil
            async let page = search.search(query)
            async let book = rates.book()
            return Responses.html(StorePage.render(listing, page: try await page, rates: try await book, now: Date(),
                                                   language: LanguageChoice.language(of: request)))
        }
        router.get("/products/:id") { request, context in
            guard let product = try await catalog.product(id: context.parameters.get("id") ?? ""),
                  let listing = try await catalog.storefront(id: product.storefrontID)
            else { throw Problem.notFound }
            let (csrf, cookie) = BrowserSession.csrf(request, cipher: configuration.cipher)
            var response = Responses.html(ProductDetailPage.render(
                product, merchant: listing.merchant, storefront: listing.storefront, rates: try await rates.book(), now: Date(),
                csrf: csrf, language: LanguageChoice.language(of: request)))
            if let cookie { response.setCookie(cookie) }
            return response
        }
        router.get("/assets/site.css") { _, _ in
            Responses.text(Layout.stylesheet, contentType: "text/css; charset=utf-8")
        }
        router.get("/images/products/:file") { request, context in
            let file = context.parameters.get("file") ?? ""
            guard file.hasSuffix(".svg"), let product = try await catalog.product(id: String(file.dropLast(4)), includingWithdrawn: true) else {
                throw Problem.notFound
            }
            let title = product.name(LanguageChoice.language(of: request))
            var response = Responses.text(ArtworkSVG.render(product.artwork, title: title), contentType: "image/svg+xml")
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
    }
}
