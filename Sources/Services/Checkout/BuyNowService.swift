import Commerce
import Foundation
import Storage
import Money

/// "Buy now": one SKU from its page straight to a paid order in one call — the same quote,
/// order, allowance, stock and escrow payment as the cart's three steps, and safe to repeat:
/// the quote and the order group are named after the buyer's idempotency key, so a retry after
/// a crash finds the orders it placed and pays them instead of placing them again.
public struct BuyNowService: Sendable {
    let store: any Store
    let checkout: CheckoutService
    let payments: PaymentService
    let skus: SKUCache

    public init(store: any Store, checkout: CheckoutService, payments: PaymentService, skus: SKUCache = SKUCache()) {
        self.store = store
        self.checkout = checkout
        self.payments = payments
        self.skus = skus
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
        let attempt = { @Sendable (listing: SKUListing) in
            try await buy(listing, quantity: quantity, addressID: addressID, channel: channel, for: consumer, key: key, at: now)
        }
        guard let (listing, remembered) = try await skus.listing(skuID, from: store) else { throw CheckoutError.unknownSKU(skuID) }
        guard remembered else { return try await attempt(listing) }
        do {
            return try await attempt(listing)
        } catch StoreError.conflict, CheckoutError.notEnoughStock {
            // The copy in memory may be behind the row (a new price or stock): once more on the
            // row as it is. Safe to repeat, as a retry with the key is.
            skus.forget(skuID)
            guard let (fresh, _) = try await skus.listing(skuID, from: store) else { throw CheckoutError.unknownSKU(skuID) }
            return try await attempt(fresh)
        }
    }

    private func buy(_ listing: SKUListing, quantity: Int64, addressID: String, channel: String?, for consumer: Consumer, key: String,
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
        let item = ParcelItem(product: listing.product, sku: listing.sku, quantity: quantity)
        let (quote, fingerprint) = try await checkout.quoting([(listing.merchant, item)], id: "q-\(name)", for: consumer,
                                                              addressID: addressID, at: now)
        let placed = try checkout.placing(quote, using: try checkout.storing(quote, usedAt: now), groupID: groupID, clearingCart: false,
                                          fingerprint: fingerprint, names: [listing.product.id: listing.product.name],
                                          revisions: [listing.sku.id: listing.revision], for: consumer, at: now)
        let orders = try zip(placed.states, quote.parcels).map { state, parcel throws(MoneyError) in
            PlacedOrder(amounts: try OrderAmounts(orderID: state.id, merchantID: parcel.merchantID, merchantCurrency: listing.merchant.currency,
                                                  goods: parcel.goods, freight: parcel.freight, tax: parcel.tax),
                        state: state)
        }
        let (changes, payment) = try await payments.payPlacing(orders, placing: placed.changes, groupID: groupID, consumer: consumer,
                                                               preferred: channel, key: key, at: now)
        return (changes, Bought(groupID: groupID, orderIDs: placed.orderIDs, payment: payment))
    }
}
