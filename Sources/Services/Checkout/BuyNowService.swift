import Commerce
import Foundation
import Storage

/// "Buy now": one SKU from its page straight to a paid order in one call — the same quote,
/// order, allowance, stock and escrow payment as the cart's three steps, and safe to repeat:
/// the quote and the order group are named after the buyer's idempotency key, so a retry after
/// a crash finds the orders it placed and pays them instead of placing them again.
public struct BuyNowService: Sendable {
    let store: any Store
    let checkout: CheckoutService
    let payments: PaymentService

    public init(store: any Store, checkout: CheckoutService, payments: PaymentService) {
        self.store = store
        self.checkout = checkout
        self.payments = payments
    }

    public struct Bought: Sendable {
        public let groupID: String
        public let orderIDs: [String]
        public let payment: PaymentView
    }

    /// Places the order and records the payment's intent in one commit (the stock and the
    /// allowance are held before any money moves), then pays it; returns the payment's booking
    /// for the caller to commit with its idempotency record.
    public func buy(_ skuID: String, quantity: Int64, addressID: String, channel: String?, for consumer: Consumer, key: String,
                    at now: Date) async throws -> (changes: [Change], bought: Bought) {
        let name = Secrets.digest(Array("buy-now \(consumer.id) \(key)".utf8)).prefix(24)
        let groupID = "g-\(name)"
        let orderIDs = try await store.read(SQL("SELECT id FROM orders WHERE group_id = ? AND consumer_id = ? ORDER BY id",
                                                bind: groupID, consumer.id)).map { try $0.text("id") }
        guard orderIDs.isEmpty else {
            // A retry: the orders and the payment's intent are there; pay (or ask the channel).
            let (changes, payment) = try await payments.pay(groupID: groupID, consumer: consumer, preferred: channel, payerIDNumber: nil,
                                                            key: key, at: now)
            return (changes, Bought(groupID: groupID, orderIDs: orderIDs, payment: payment))
        }
        guard let (merchant, product, sku) = try await CatalogService(store: store).sku(skuID) else { throw CheckoutError.unknownSKU(skuID) }
        let (quote, fingerprint) = try await checkout.quoting([(merchant, ParcelItem(product: product, sku: sku, quantity: quantity))],
                                                              id: "q-\(name)", for: consumer, addressID: addressID, at: now)
        let placed = try checkout.placing(quote, using: try checkout.storing(quote, usedAt: now), groupID: groupID, clearingCart: false,
                                          fingerprint: fingerprint, names: [product.id: product.name], for: consumer, at: now)
        let orders = zip(placed.orderIDs, quote.parcels).map { id, parcel in
            OrderAmounts(orderID: id, merchantID: parcel.merchantID, merchantCurrency: merchant.currency, goods: parcel.goods,
                         freight: parcel.freight, tax: parcel.tax)
        }
        let (changes, payment) = try await payments.payPlacing(orders, placing: placed.changes, groupID: groupID, consumer: consumer,
                                                               preferred: channel, key: key, at: now)
        return (changes, Bought(groupID: groupID, orderIDs: placed.orderIDs, payment: payment))
    }
}
