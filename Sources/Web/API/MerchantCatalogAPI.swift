import Commerce
import Foundation
import HTTPTypes
import Hummingbird
import Services
import Storage

/// A merchant's own catalogue: list, read, create, replace, bulk import (JSON or CSV), and
/// change one SKU's price or stock. Every call sees only the calling merchant's products.
struct MerchantCatalogAPI<Context: RequestContext> {
    let keys: MerchantKeyService
    let catalog: MerchantCatalogService
    let rates: RateService
    let photos: ProductPhotoService
    let idempotency: IdempotencyService
    let configuration: WebConfiguration

    struct ProductListDocument: Codable {
        let products: [ProductDocument]
    }

    struct ImportDocument: Codable {
        let imported: Int
        let productIds: [String]
    }

    struct BatchInput: Decodable {
        let products: [ProductDraft]
    }

    struct PhotoDocument: Codable {
        let productId: String
        let size: String
        let contentType: String
        let width: Int
        let height: Int
        let url: String
    }

    struct SKUChange: Decodable {
        let price: String?
        let stock: Int64?
    }

    func register(on router: Router<Context>) {
        router.get("/api/v1/merchant/products") { request, _ in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            let limit = try QueryParameter.integer(request, "limit", in: 1...200) ?? 50
            let offset = try QueryParameter.integer(request, "offset", in: 0...1_000_000) ?? 0
            let products = try await catalog.products(of: merchant, limit: limit, offset: offset)
            let book = try await rates.book()
            let withdrawn = try await catalog.withdrawals(of: products)
            return try Responses.json(ProductListDocument(
                products: products.map { ProductDocument($0, rates: book, at: Date(), merchantView: true, withdrawn: withdrawn[$0.id]) }))
        }
        router.get("/api/v1/merchant/products/:id") { request, context in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            let product = try await catalog.product(context.parameters.get("id") ?? "", of: merchant)
            return try Responses.json(try await document(product))
        }
        router.post("/api/v1/merchant/products") { request, _ in
            try await mutate(request, status: 201) { merchant, body in
                try await save([try RequestBody.json(ProductDraft.self, from: body)], for: merchant)
            }
        }
        router.put("/api/v1/merchant/products/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await mutate(request, status: 200) { merchant, body in
                let draft = try RequestBody.json(ProductDraft.self, from: body)
                guard draft.id == id else { throw Problem.validation("the body's id must be \(id), the product in the path", field: "id") }
                _ = try await catalog.product(id, of: merchant)
                return try await save([draft], for: merchant)
            }
        }
        router.patch("/api/v1/merchant/skus/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await mutate(request, status: 200) { merchant, body in
                let change = try RequestBody.json(SKUChange.self, from: body)
                guard change.price != nil || change.stock != nil else {
                    throw Problem.validation("send price, stock or both", field: "price")
                }
                do {
                    let decision = try await catalog.updatingSKU(id, price: change.price, stock: change.stock, for: merchant, at: Date())
                    return (decision.changes, try Responses.jsonBytes(try await document(decision.product)))
                } catch let error as CatalogError {
                    throw Problem.validation(error.message, field: error.field)
                }
            }
        }
        // The photo's bytes are the body; the size is the path's last part (`PhotoSize`).
        router.put("/api/v1/merchant/products/:id/photos/:size") { request, context in
            let id = context.parameters.get("id") ?? ""
            guard let size = PhotoSize(rawValue: context.parameters.get("size") ?? "") else {
                throw Problem.validation("the size is one of \(PhotoSize.allCases.map(\.rawValue).joined(separator: ", "))", field: "size")
            }
            let l = LanguageChoice.language(of: request)
            return try await mutate(request, status: 200, limit: size.maxBytes) { merchant, body in
                do {
                    let (changes, photo) = try await photos.uploading(body, claimed: request.headers[.contentType], size: size, productID: id,
                                                                      of: merchant, at: Date())
                    return (changes, try Responses.jsonBytes(PhotoDocument(
                        productId: id, size: size.rawValue, contentType: photo.facts.type.rawValue, width: photo.facts.width,
                        height: photo.facts.height, url: "/images/photos/\(id)/\(size.rawValue)?v=\(photo.revision)")))
                } catch let problem as PhotoProblem {
                    throw Problem.photo(problem, language: l)
                }
            }
        }
        router.post("/api/v1/merchant/products/import") { request, _ in
            try await mutate(request, status: 200) { merchant, body in
                let isCSV = request.headers[.contentType]?.lowercased().hasPrefix("text/csv") == true
                var located: ProductCSV.Parsed?
                let drafts: [ProductDraft]
                if isCSV {
                    do {
                        located = try ProductCSV.parse(String(decoding: body, as: UTF8.self))
                        drafts = located?.drafts ?? []
                    } catch let problem as ProductCSV.Problem {
                        throw Problem.csv(row: problem.row, column: problem.column, message: problem.message)
                    }
                } else {
                    drafts = try RequestBody.json(BatchInput.self, from: body).products
                }
                guard !drafts.isEmpty, drafts.count <= 20_000 else {
                    throw Problem.validation("an import holds 1 to 20,000 products", field: "products")
                }
                do {
                    let decision = try await catalog.saving(drafts, for: merchant, at: Date())
                    let document = ImportDocument(imported: decision.products.count, productIds: decision.products.map(\.id))
                    return (decision.changes, try Responses.jsonBytes(document))
                } catch let refused as MerchantCatalogService.DraftRefused {
                    if let located {
                        let problem = located.locate(refused.error, draft: refused.index)
                        throw Problem.csv(row: problem.row, column: problem.column, message: problem.message)
                    }
                    throw Problem.validation(refused.error.message, field: "products[\(refused.index)].\(refused.error.field)")
                }
            }
        }
    }

    /// The changes that save one draft, and the saved product's document.
    private func save(_ drafts: [ProductDraft], for merchant: Merchant) async throws -> (changes: [Change], document: [UInt8]) {
        do {
            let decision = try await catalog.saving(drafts, for: merchant, at: Date())
            guard let product = decision.products.first else { throw Problem.validation("no product", field: "id") }
            return (decision.changes, try Responses.jsonBytes(try await document(product)))
        } catch let refused as MerchantCatalogService.DraftRefused {
            throw Problem.validation(refused.error.message, field: refused.error.field)
        }
    }

    /// A product as its merchant sees it: stock on hand and reserved, and why it is off sale.
    private func document(_ product: Product) async throws -> ProductDocument {
        ProductDocument(product, rates: try await rates.book(), at: Date(), merchantView: true,
                        withdrawn: try await catalog.withdrawals(of: [product])[product.id])
    }

    /// Authenticates the merchant, reads the body, and runs `work` once per Idempotency-Key:
    /// the work's changes and the stored answer commit together.
    private func mutate(_ request: Request, status: Int, limit: Int? = nil,
                        _ work: @escaping (Merchant, [UInt8]) async throws -> (changes: [Change], document: [UInt8])) async throws -> Response {
        let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
        let limit = limit ?? (request.uri.path.hasSuffix("/import") ? configuration.maxImportBytes : configuration.maxBodyBytes)
        return try await idempotency.respond(to: request, principal: "merchant:\(merchant.id)", limit: limit, status: status) { body in
            try await work(merchant, body)
        }
    }
}
