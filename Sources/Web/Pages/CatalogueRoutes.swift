import Commerce
import Foundation
import Hummingbird
import Services
import Storage

/// The merchant portal's catalogue: the list, a new product, and a product's form, saved
/// through the same `MerchantCatalogService.saving` as the API; and the photos the shop serves.
struct CatalogueRoutes<Context: RequestContext> {
    let catalog: MerchantCatalogService
    let photos: ProductPhotoService
    let review: ApplicationReview
    let keys: MerchantKeyService
    let store: any Store
    let pages: PageResponses

    var configuration: WebConfiguration { pages.configuration }

    func register(on router: Router<Context>) {
        router.get("/merchant/products") { request, _ in
            guard let merchant = try await MerchantAuthorization.signedIn(request, keys: keys, configuration) else { return pages.redirect(to: "/merchant/signin") }
            let products = try await catalog.products(of: merchant, limit: 200, offset: 0)
            let withdrawn = try await catalog.withdrawals(of: products)
            let file = try await review.file(ofMerchant: merchant.id, at: Date())
            return pages.page(request) { _, l in CataloguePages.list(products, withdrawn: withdrawn, requirements: file, merchant: merchant, language: l) }
        }
        router.get("/merchant/products/new") { request, _ in
            guard let merchant = try await MerchantAuthorization.signedIn(request, keys: keys, configuration) else { return pages.redirect(to: "/merchant/signin") }
            return pages.page(request) { csrf, l in
                CataloguePages.form(nil, values: ["shipsToChina": "on"], errors: [:], saved: false, merchant: merchant, csrf: csrf, language: l)
            }
        }
        router.get("/merchant/products/:id") { request, context in
            guard let merchant = try await MerchantAuthorization.signedIn(request, keys: keys, configuration) else { return pages.redirect(to: "/merchant/signin") }
            let product = try await owned(context.parameters.get("id") ?? "", of: merchant)
            let saved = request.uri.queryParameters.get("saved") != nil
            return pages.page(request) { csrf, l in
                CataloguePages.form(product, values: CatalogueForm.values(ProductDraft(product)), errors: [:], saved: saved, merchant: merchant,
                                    csrf: csrf, language: l)
            }
        }
        router.post("/merchant/products/new") { request, _ in
            try await saving(request, existing: nil)
        }
        router.post("/merchant/products/:id") { request, context in
            try await saving(request, existing: context.parameters.get("id") ?? "")
        }
        router.get("/images/photos/:id/:size") { _, context in
            guard let size = PhotoSize(rawValue: context.parameters.get("size") ?? ""),
                  let photo = try await photos.photo(of: context.parameters.get("id") ?? "", size: size) else { throw Problem.notFound }
            var response = Response(status: .ok, headers: [.contentType: photo.facts.type.rawValue],
                                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: photo.bytes)))
            // The address carries the upload's revision: a new photo is a new address.
            response.headers[.cacheControl] = "public, max-age=31536000, immutable"
            return response
        }
    }

    /// The merchant's own product `id`; another's is not found.
    private func owned(_ id: String, of merchant: Merchant) async throws -> Product {
        guard let product = try await existing(id, of: merchant) else { throw Problem.notFound }
        return product
    }

    /// The merchant's own product `id`, or nil when it has none by that id; any other failure is thrown.
    private func existing(_ id: String, of merchant: Merchant) async throws -> Product? {
        do { return try await catalog.product(id, of: merchant) } catch is MerchantCatalogService.NotFound { return nil }
    }

    /// Saves the posted form; a refusal shows the form again with what was typed and the field at fault.
    private func saving(_ request: Request, existing id: String?) async throws -> Response {
        let form = try await pages.postedForm(request)
        guard let merchant = try await MerchantAuthorization.signedIn(request, keys: keys, configuration) else { return pages.redirect(to: "/merchant/signin") }
        var product: Product?
        if let id { product = try await owned(id, of: merchant) }
        let (draft, typos) = CatalogueForm.draft(from: form, id: id ?? (form["id"] ?? "").trimmingCharacters(in: .whitespaces))
        var errors = typos
        if errors.isEmpty {
            do {
                if product == nil, try await existing(draft.id, of: merchant) != nil {
                    errors["id"] = LocalizedText(en: "You have a product with this id: edit it instead.", zh: "已有此编号的商品，请直接编辑。")
                } else {
                    try await store.apply(try await catalog.saving([draft], for: merchant, at: Date()).changes)
                    return pages.redirect(to: "/merchant/products/\(draft.id)?saved=1")
                }
            } catch let refused as MerchantCatalogService.DraftRefused {
                errors[CatalogueForm.input(for: refused.error.field)] = LocalizedText(en: refused.error.message, zh: refused.error.message)
            } catch StoreError.conflict {
                errors["id"] = LocalizedText(en: "This id is another store's product.", zh: "此编号已被其他店铺使用。")
            }
        }
        let l = LanguageChoice.language(of: request)
        return Responses.html(CataloguePages.form(product, values: form, errors: errors, saved: false, merchant: merchant, csrf: form["csrf"] ?? "",
                                                  language: l), status: .unprocessableContent)
    }
}
