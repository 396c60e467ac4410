import Commerce
import Hummingbird
import Money
import Services

/// The storefronts, as JSON.
struct StoresAPI<Context: RequestContext> {
    let catalog: CatalogService

    struct StoreDocument: Codable {
        let slug: String
        let name: [String: String]
        let tagline: [String: String]
        let merchant: MerchantDocument
        let productCount: Int
    }

    struct MerchantDocument: Codable {
        let id: String
        let name: [String: String]
        let country: String
        let currency: String
        let kind: String
        let onboardedBy: String?
    }

    struct StoreListDocument: Codable {
        let stores: [StoreDocument]
    }

    func register(on router: Router<Context>) {
        router.get("/api/v1/stores") { _, _ in
            let listings = try await catalog.storefronts(featuredPerStore: 0)
            return try Responses.json(StoreListDocument(stores: listings.map(StoresAPI.document)))
        }
        router.get("/api/v1/currencies") { _, _ in
            try Responses.json(["currencies": Currency.all.map {
                ["code": $0.code, "numeric": String($0.numeric), "exponent": String($0.exponent), "name": $0.name]
            }])
        }
    }

    static func document(_ listing: StorefrontListing) -> StoreDocument {
        let m = listing.merchant
        let s = listing.storefront
        return StoreDocument(
            slug: s.slug, name: ["en": s.name.en, "zh-CN": s.name.zh], tagline: ["en": s.tagline.en, "zh-CN": s.tagline.zh],
            merchant: MerchantDocument(id: m.id, name: ["en": m.name.en, "zh-CN": m.name.zh], country: m.country,
                                       currency: m.currency.code, kind: m.kind.rawValue, onboardedBy: m.onboardedBy),
            productCount: listing.productCount)
    }
}
