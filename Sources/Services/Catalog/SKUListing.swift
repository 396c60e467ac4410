import Commerce

/// A SKU with its product and merchant as checkout prices it, and the revision its row had
/// when read: an order placed on this copy reserves stock only while the row still has that
/// revision (`StockReservation.reserve`), so a copy kept in memory cannot sell at a price or
/// tax class the merchant has since changed.
public struct SKUListing: Sendable {
    public let merchant: Merchant
    public let product: Product
    public let sku: SKU
    public let revision: Int64
}
