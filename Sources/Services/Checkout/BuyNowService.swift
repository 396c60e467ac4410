import Commerce
import Foundation
import Storage
import Money

/// "Buy now": one SKU from its page straight to a paid order in one call — the same quote,
/// order, allowance, stock and escrow payment as the cart's three steps, and safe to repeat:
/// the quote and the order group are named after the buyer's idempotency key, so a retry after
/// a crash finds the orders it placed and pays them instead of placing them again.
///
/// What an order reads — the SKU with its product and merchant, the buyer's identity,
/// addresses and allowance — comes from memory (`SKUCache`, `BuyerCache`). The order's writes
/// are guarded in the database, so a copy that is behind makes them fail, and the order is then
/// decided once more on the rows as they are.
public struct BuyNowService: Sendable {
    let store: any Store
    let checkout: CheckoutService
    let payments: PaymentService
    let skus: SKUCache
    let buyers: BuyerCache

    public init(store: any Store, checkout: CheckoutService, payments: PaymentService, skus: SKUCache = SKUCache(),
                buyers: BuyerCache = BuyerCache()) {
        self.store = store
        self.checkout = checkout
        self.payments = payments
        self.skus = skus
        self.buyers = buyers
    }

    public struct Bought: Sendable {
        public let groupID: String
        public let orderIDs: [String]
        public let payment: PaymentView
    }

    /// What one key's buy is named: its quote and its order group.
    private struct Names {
        let quoteID: String
        let groupID: String

        init(consumerID: String, key: String) {
            let name = Secrets.digest(Array("buy-now \(consumerID) \(key)".utf8)).prefix(24)
            quoteID = "q-\(name)"
            groupID = "g-\(name)"
        }
    }

    /// Places the order and records the payment's intent in one commit (the stock and the
    /// allowance are held before any money moves), then pays it; returns the payment's booking
    /// for the caller to commit with its idempotency record.
    public func buy(_ skuID: String, quantity: Int64, addressID: String, channel: String?, origin: OrderOrigin = .unknown, for consumer: Consumer,
                    key: String, at now: Date) async throws -> (changes: [Change], bought: Bought) {
        let names = Names(consumerID: consumer.id, key: key)
        let attempt = { @Sendable (listing: SKUListing) in
            try await buy(listing, quantity: quantity, addressID: addressID, channel: channel, origin: origin, names: names, for: consumer,
                          key: key, at: now)
        }
        guard let listing = try await skus.listing(skuID, from: store) else { throw CheckoutError.unknownSKU(skuID) }
        do {
            return try await attempt(listing)
        } catch let error where BuyNowService.mayBeRetryOrStale(error) {
            // This key's orders may be placed already, by an attempt whose answer was lost: pay those.
            if let placed = try await retried(names, channel: channel, for: consumer, key: key, at: now) { return placed }
            // A guarded write failed, or the stock looked short: a copy in memory may be behind its
            // row (a new price or stock, an address removed, another identity). Once more on the
            // rows as they are.
            switch error {
            case StoreError.conflict, CheckoutError.notEnoughStock: break
            default: throw error
            }
            skus.forget(skuID)
            buyers.forget(consumer.id)
            guard let fresh = try await skus.listing(skuID, from: store) else { throw CheckoutError.unknownSKU(skuID) }
            return try await attempt(fresh)
        }
    }

    /// A refusal or a failed guard: what a retry of a key whose orders exist, or a stale copy, looks like.
    private static func mayBeRetryOrStale(_ error: any Error) -> Bool {
        switch error {
        case StoreError.conflict, is CheckoutError, AccountFailure.notFound: true
        default: false
        }
    }

    /// The orders an earlier attempt with this key placed, paid now (or their payment asked
    /// for); nil when there are none.
    private func retried(_ names: Names, channel: String?, for consumer: Consumer, key: String, at now: Date) async throws
        -> (changes: [Change], bought: Bought)? {
        let orderIDs = try await store.read(SQL("SELECT id FROM orders WHERE group_id = ? AND consumer_id = ? ORDER BY id",
                                                bind: names.groupID, consumer.id)).map { try $0.text("id") }
        guard !orderIDs.isEmpty else { return nil }
        let (changes, payment) = try await payments.pay(groupID: names.groupID, consumer: consumer, preferred: channel, payerIDNumber: nil,
                                                        key: key, at: now)
        return (changes, Bought(groupID: names.groupID, orderIDs: orderIDs, payment: payment))
    }

    private func buy(_ listing: SKUListing, quantity: Int64, addressID: String, channel: String?, origin: OrderOrigin, names: Names,
                     for consumer: Consumer, key: String, at now: Date) async throws -> (changes: [Change], bought: Bought) {
        let item = ParcelItem(product: listing.product, sku: listing.sku, quantity: quantity)
        let ((quote, fingerprint), facts) = try await buyers.deciding(for: consumer, at: now, from: store) { facts in
            try await checkout.quoting([(listing.merchant, item)], id: names.quoteID, addressID: addressID, on: facts, for: consumer, at: now)
        }
        let placed = try checkout.placing(quote, using: try checkout.storing(quote, usedAt: now), groupID: names.groupID, clearingCart: false,
                                          fingerprint: fingerprint, names: [listing.product.id: listing.product.name],
                                          revisions: [listing.sku.id: listing.revision], for: consumer, at: now)
        let orders = try zip(placed.states, quote.parcels).map { state, parcel throws(MoneyError) in
            PlacedOrder(amounts: try OrderAmounts(orderID: state.id, merchantID: parcel.merchantID, merchantCurrency: listing.merchant.currency,
                                                  goods: parcel.goods, freight: parcel.freight, tax: parcel.tax),
                        state: state)
        }
        // The rules decide with the orders and the payment's intent, in the same unit: a review's hold is there before any money moves.
        let observed = try checkout.risk.map { risk in
            try checkout.observations(quote, orderIDs: placed.orderIDs, fingerprint: fingerprint, facts: facts, origin: origin, risk: risk,
                                      for: consumer, at: now)
        } ?? []
        let held = try await checkout.risk?.placing(observed, at: now) ?? []
        let (changes, payment) = try await payments.payPlacing(orders, placing: placed.changes + held, groupID: names.groupID, consumer: consumer,
                                                               preferred: channel, key: key, at: now)
        checkout.risk?.placed(observed)
        buyers.used(quote.allowanceValue, by: consumer.id, on: facts)
        return (changes, Bought(groupID: names.groupID, orderIDs: placed.orderIDs, payment: payment))
    }
}
