import Commerce
import Foundation
import Storage

/// A product's photos: a merchant uploads each size of its own product's photo (checked by
/// `PhotoRules`), and the shop serves them. A product is only ever shown with the photo its
/// merchant sent; a size not sent is served from the other.
public struct ProductPhotoService: Sendable {
    let store: any Store
    let catalog: MerchantCatalogService

    public init(store: any Store, catalog: MerchantCatalogService) {
        self.store = store
        self.catalog = catalog
    }

    public struct Photo: Sendable {
        public let size: PhotoSize
        public let facts: PhotoFacts
        public let bytes: [UInt8]
        public let revision: Int64
    }

    /// The changes that keep `bytes` as the `size` photo of the merchant's product `productID`.
    public func uploading(_ bytes: [UInt8], claimed: String?, size: PhotoSize, productID: String, of merchant: Merchant,
                          at now: Date) async throws -> (changes: [Change], photo: Photo) {
        _ = try await catalog.product(productID, of: merchant)
        let facts = try PhotoRules.inspect(bytes, claimed: claimed, size: size)
        let revision = now.millisecondsSince1970
        return ([
            .write(SQL(
                """
                INSERT INTO product_photos (product_id, size, content_type, width, height, sha256, bytes, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (product_id, size) DO UPDATE SET content_type = excluded.content_type, width = excluded.width,
                    height = excluded.height, sha256 = excluded.sha256, bytes = excluded.bytes, uploaded_at = excluded.uploaded_at
                """,
                [.text(productID), .text(size.rawValue), .text(facts.type.rawValue), .integer(Int64(facts.width)), .integer(Int64(facts.height)),
                 .text(Secrets.digest(bytes)), .blob(bytes), .integer(revision)])),
            .write(SQL("UPDATE products SET photo_revision = ? WHERE id = ?", bind: revision, productID)),
        ], Photo(size: size, facts: facts, bytes: bytes, revision: revision))
    }

    /// The product's photo at `size`, or at the other size when only that one was sent.
    public func photo(of productID: String, size: PhotoSize) async throws -> Photo? {
        // One row, the size asked first: a photo is read for every picture the shop shows.
        let rows = try await store.read(SQL(
            "SELECT * FROM product_photos WHERE product_id = ? ORDER BY CASE WHEN size = ? THEN 0 ELSE 1 END LIMIT 1",
            bind: productID, size.rawValue))
        guard let row = rows.first else { return nil }
        guard case .blob(let bytes) = row["bytes"], let found = PhotoSize(rawValue: try row.text("size")),
              let type = DocumentType(rawValue: try row.text("content_type")) else {
            throw StoreError.decoding(column: "bytes", expected: "a photo")
        }
        return Photo(size: found, facts: PhotoFacts(type: type, width: Int(try row.integer("width")), height: Int(try row.integer("height"))),
                     bytes: bytes, revision: try row.integer("uploaded_at"))
    }
}
