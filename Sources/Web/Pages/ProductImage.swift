import Commerce

/// Where a product's picture is: its merchant's photo at the size asked, the upload's revision in
/// the address so that a new photo is never hidden by a cached old one; else its drawn artwork.
enum ProductImage {
    static func url(_ product: Product, _ size: PhotoSize) -> String {
        product.photoRevision.map { "/images/photos/\(product.id)/\(size.rawValue)?v=\($0)" } ?? "/images/products/\(product.id).svg"
    }
}
