import Commerce
import Foundation
import Money
import Storage

/// The cart, the quote, and placing the orders: one per merchant, under one checkout, with
/// stock reserved atomically so that concurrent buyers of the last units never oversell.
public struct CheckoutService: Sendable {
    let store: any Store
    let rates: RateService
    public var quoteLifetime: TimeInterval = 15 * 60
    public var payWithin: TimeInterval = 30 * 60
    public var freightTable = FreightTable.standard
    /// Tariffs for single items taxed as general trade: the lines shipped for the demo's goods
    /// unless an operator configures its own.
    public var tariffs = GeneralTradeTariffs.standard
    /// The risk rules' decisions at quote and at placing; none where a caller does without them.
    public var risk: RiskService?

    public init(store: any Store, rates: RateService) {
        self.store = store
        self.rates = rates
    }

    // MARK: cart

    /// Sets a line's quantity (0 removes it).
    public func setCartLine(_ skuID: String, quantity: Int64, for consumer: Consumer, at now: Date) async throws {
        guard (0...999).contains(quantity) else { throw CheckoutError.quantity(skuID: skuID) }
        if quantity == 0 {
            try await store.apply([.write(SQL("DELETE FROM cart_lines WHERE consumer_id = ? AND sku_id = ?", bind: consumer.id, skuID))])
            return
        }
        let known = try await store.read(SQL("SELECT id FROM skus WHERE id = ?", bind: skuID))
        guard !known.isEmpty else { throw CheckoutError.unknownSKU(skuID) }
        try await store.apply([.write(SQL(
            """
            INSERT INTO cart_lines (consumer_id, sku_id, quantity, added_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (consumer_id, sku_id) DO UPDATE SET quantity = excluded.quantity
            """,
            bind: consumer.id, skuID, quantity, now.millisecondsSince1970))])
    }

    public func cart(of consumer: Consumer) async throws -> [CartLine] {
        try await store.read(SQL("SELECT sku_id, quantity FROM cart_lines WHERE consumer_id = ? ORDER BY added_at, sku_id",
                                 bind: consumer.id))
            .map { CartLine(skuID: try $0.text("sku_id"), quantity: try $0.integer("quantity")) }
    }

    /// The cart's lines with their merchants, products and SKUs as they are now.
    public func cartItems(of consumer: Consumer) async throws -> [(merchant: Merchant, item: ParcelItem)] {
        let lines = try await cart(of: consumer)
        let catalog = CatalogService(store: store)
        var result: [(merchant: Merchant, item: ParcelItem)] = []
        for line in lines {
            guard let listing = try await catalog.sku(line.skuID) else { throw CheckoutError.unknownSKU(line.skuID) }
            result.append((listing.merchant, ParcelItem(product: listing.product, sku: listing.sku, quantity: line.quantity)))
        }
        return result
    }

    // MARK: quote

    /// Fixes the cart's landed cost for `quoteLifetime`, to the chosen address; refused when the
    /// risk rules would block its orders.
    public func quote(for consumer: Consumer, addressID: String, origin: OrderOrigin = .unknown, at now: Date) async throws -> Quote {
        let facts = try await BuyerFacts.read(of: consumer, year: Day(beijing: now).year, from: store)
        let (quote, fingerprint) = try await quoting(try await cartItems(of: consumer), id: "q-" + UUID().uuidString.lowercased(),
                                                     addressID: addressID, on: facts, for: consumer, at: now)
        if let risk {
            try await risk.check(try observations(quote, orderIDs: quote.parcels.map { _ in quote.id }, fingerprint: fingerprint, facts: facts,
                                                  origin: origin, risk: risk, for: consumer, at: now), at: now)
        }
        try await store.apply([try storing(quote, usedAt: nil)])
        return quote
    }

    /// How the risk signals see the orders of `quote`, named `orderIDs`, counted one after another against the allowance.
    func observations(_ quote: Quote, orderIDs: [String], fingerprint: String, facts: BuyerFacts, origin: OrderOrigin, risk: RiskService,
                      for consumer: Consumer, at now: Date) throws -> [RiskObservation] {
        var used = facts.used
        return try zip(orderIDs, quote.parcels).map { orderID, parcel in
            used = try used.adding(parcel.allowanceValue)
            return risk.observation(orderID: orderID, identity: fingerprint,
                                    address: facts.riskKeys[quote.addressID] ?? BuyerFacts.RiskKeys(address: "address:" + quote.addressID, phone: "address:" + quote.addressID),
                                    origin: origin, consumerID: consumer.id, merchantID: parcel.merchantID,
                                    lines: parcel.lines.map { RiskObservation.Line(skuID: $0.skuID, quantity: $0.quantity) },
                                    value: parcel.allowanceValue, allowanceUsed: used, at: now)
        }
    }

    /// The quote for `items` to the buyer's address, within the buyer's allowance; not stored.
    /// Also the fingerprint of the buyer's identity number it was checked under, for placing
    /// the orders without reading it again.
    public func quoting(_ items: [(merchant: Merchant, item: ParcelItem)], id: String, for consumer: Consumer, addressID: String,
                        at now: Date) async throws -> (quote: Quote, fingerprint: String) {
        let facts = try await BuyerFacts.read(of: consumer, year: Day(beijing: now).year, from: store)
        return try await quoting(items, id: id, addressID: addressID, on: facts, for: consumer, at: now)
    }

    /// The same quote decided on known facts of the buyer (buy now keeps them in memory), read
    /// for the Beijing year of `now`.
    func quoting(_ items: [(merchant: Merchant, item: ParcelItem)], id: String, addressID: String, on facts: BuyerFacts,
                 for consumer: Consumer, at now: Date) async throws -> (quote: Quote, fingerprint: String) {
        guard facts.addressIDs.contains(addressID) else { throw AccountFailure.notFound }
        guard let fingerprint = facts.fingerprint else { throw CheckoutError.identityRequired }
        let day = Day(beijing: now)
        let quote = try Quote.make(
            id: id, consumerID: consumer.id, addressID: addressID, items: items, rates: try await rates.book(), freightTable: freightTable,
            tariffs: tariffs, at: now, validFor: quoteLifetime)
        try ImportAllowance.on(day, used: facts.used).check(quote.allowanceValue)
        return (quote, fingerprint)
    }

    /// The quote kept as shown; a quote ordered at once (buy now) is stored already used.
    func storing(_ quote: Quote, usedAt: Date?) throws -> Change {
        let body = String(decoding: try JSONEncoder().encode(QuoteRecord(quote)), as: UTF8.self)
        return .guarded(SQL(
            "INSERT INTO quotes (id, consumer_id, body, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            bind: quote.id, quote.consumerID, body, quote.createdAt.millisecondsSince1970, quote.expiresAt.millisecondsSince1970,
            usedAt?.millisecondsSince1970), conflict: "quote \(quote.id) exists already")
    }

    public func storedQuote(_ id: String, of consumer: Consumer) async throws -> Quote? {
        let rows = try await store.read(SQL("SELECT body FROM quotes WHERE id = ? AND consumer_id = ?", bind: id, consumer.id))
        guard let body = try rows.first?.text("body") else { return nil }
        return try JSONDecoder().decode(QuoteRecord.self, from: Data(body.utf8)).quote()
    }

    // MARK: placing orders

    /// The changes that turn a quote into orders: the quote used once, every line's stock
    /// reserved (or the whole checkout refused), one order per parcel in state `created`, its
    /// lines and first event, and those lines taken out of the cart.
    public func placing(_ quoteID: String, for consumer: Consumer, origin: OrderOrigin = .unknown, at now: Date) async throws
        -> (changes: [Change], groupID: String, orderIDs: [String], total: Money, observations: [RiskObservation]) {
        guard let quote = try await storedQuote(quoteID, of: consumer) else { throw CheckoutError.unknownQuote(quoteID) }
        guard quote.isValid(at: now) else { throw CheckoutError.quoteExpired(expiredAt: quote.expiresAt) }
        let facts = try await BuyerFacts.read(of: consumer, year: Day(beijing: now).year, from: store)
        guard let fingerprint = facts.fingerprint else { throw CheckoutError.identityRequired }
        let use = Change.guarded(SQL(
            "UPDATE quotes SET used_at = ? WHERE id = ? AND consumer_id = ? AND used_at IS NULL RETURNING id",
            bind: now.millisecondsSince1970, quote.id, consumer.id), conflict: "this quote has already been ordered, or the cart was ordered with a newer quote")
        let names = try await productNames(quote.parcels.flatMap { $0.lines.map(\.productID) })
        // The cart is ordered now: every other quote of it is void, so an old one placed later
        // (another tab, a replayed form) cannot order the same goods again.
        let superseded = Change.write(SQL("UPDATE quotes SET used_at = ? WHERE consumer_id = ? AND used_at IS NULL AND id <> ?",
                                          bind: now.millisecondsSince1970, consumer.id, quote.id))
        let placed = try placing(quote, using: use, groupID: "g-" + UUID().uuidString.lowercased(), clearingCart: true,
                                 fingerprint: fingerprint, names: names, revisions: [:], for: consumer, at: now)
        var observed: [RiskObservation] = []
        var held: [Change] = []
        if let risk {
            observed = try observations(quote, orderIDs: placed.orderIDs, fingerprint: fingerprint, facts: facts, origin: origin, risk: risk,
                                        for: consumer, at: now)
            held = try await risk.placing(observed, at: now)
        }
        return (placed.changes + [superseded] + held, placed.groupID, placed.orderIDs, placed.total, observed)
    }

    /// The orders of `quote`, with `use` marking the quote used (once only), counted against
    /// the allowance of the identity `fingerprint`; `names`: the products' names by id;
    /// `revisions`: the SKU rows' revisions the quote was priced on, where it must still be those.
    func placing(_ quote: Quote, using use: Change, groupID: String, clearingCart: Bool, fingerprint: String,
                 names: [String: LocalizedText], revisions: [String: Int64], for consumer: Consumer, at now: Date) throws
        -> (changes: [Change], groupID: String, orderIDs: [String], total: Money, states: [OrderState]) {
        let day = Day(beijing: now)
        let limit = try ImportAllowance.on(day, used: Money.zero(.CNY)).limit
        let stamp = now.millisecondsSince1970
        var changes: [Change] = [use]
        var orderIDs: [String] = []
        var states: [OrderState] = []
        for parcel in quote.parcels {
            let orderID = "o-" + UUID().uuidString.lowercased()
            orderIDs.append(orderID)
            states.append(OrderState(id: orderID, status: .created, events: 1, lines: parcel.lines.map { ($0.skuID, $0.quantity) },
                                     allowance: (fingerprint, day.year, parcel.allowanceValue.minorUnits)))
            changes.append(.guarded(SQL(
                """
                INSERT INTO orders (id, group_id, quote_id, consumer_id, merchant_id, status, rate, rate_source, rate_as_of,
                    goods_cny, freight_cny, tax_cny, total_cny, recipient, province, city, district, street, recipient_sealed,
                    recipient_masked, street_sealed, mobile_sealed, mobile_masked, created_at, pay_by, updated_at, id_fingerprint,
                    allowance_year, allowance_fen)
                SELECT ?, ?, ?, ?, ?, 'created', ?, ?, ?, ?, ?, ?, ?, '', a.province, a.city, a.district, '', a.recipient_sealed,
                    a.recipient_masked, a.street_sealed, a.mobile_sealed, a.mobile_masked, ?, ?, ?, ?, ?, ?
                FROM addresses a JOIN buyer_identities b ON b.consumer_id = a.consumer_id AND b.id_fingerprint = ?
                WHERE a.id = ? AND a.consumer_id = ?
                RETURNING id
                """,
                bind: orderID, groupID, quote.id, consumer.id, parcel.merchantID, parcel.rate.rate.description, parcel.rate.source,
                parcel.rate.asOf.millisecondsSince1970, parcel.goods.minorUnits, parcel.freight.minorUnits, parcel.tax.minorUnits,
                parcel.total.minorUnits, stamp, (now + payWithin).millisecondsSince1970, stamp, fingerprint, day.year,
                parcel.allowanceValue.minorUnits, fingerprint, quote.addressID, consumer.id),
                conflict: "the delivery address is gone, or the buyer's identity changed"))
            changes.append(AllowanceRecords.use(parcel.allowanceValue, fingerprint: fingerprint, year: day.year, limit: limit))
            for (number, line) in parcel.lines.enumerated() {
                changes.append(StockReservation.reserve(line.skuID, quantity: line.quantity, revision: revisions[line.skuID]))
                let name = names[line.productID] ?? LocalizedText(en: line.productID, zh: line.productID)
                changes.append(.write(SQL(
                    """
                    INSERT INTO order_lines (order_id, line_no, sku_id, product_id, name_en, name_zh, hs_code, quantity,
                        unit_price_minor, currency, goods_cny, freight_cny, consumption_tax_cny, vat_cny, tariff_cny)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    bind: orderID, number + 1, line.skuID, line.productID, name.en, name.zh, line.hsCode, line.quantity,
                    line.unitPrice.minorUnits, line.unitPrice.currency.code, line.goodsCNY.minorUnits, line.freightCNY.minorUnits,
                    line.tax.consumptionTax.minorUnits, line.tax.vat.minorUnits, line.tax.tariff.minorUnits)))
                if clearingCart {
                    changes.append(.write(SQL("DELETE FROM cart_lines WHERE consumer_id = ? AND sku_id = ?", bind: consumer.id, line.skuID)))
                }
            }
            changes.append(OrderRecords.event(orderID: orderID, seq: 1,
                                              OrderEvent(from: nil, to: .created, actor: .buyer(consumer.id), at: now, note: "")))
        }
        return (changes, groupID, orderIDs, quote.total, states)
    }

    /// Places the orders of a quote; returns their ids.
    public func place(_ quoteID: String, for consumer: Consumer, at now: Date) async throws -> [String] {
        try await placeGroup(quoteID, for: consumer, at: now).orderIDs
    }

    /// Places the orders of a quote; returns the group they are paid as, and their ids.
    public func placeGroup(_ quoteID: String, for consumer: Consumer, origin: OrderOrigin = .unknown, at now: Date) async throws
        -> (groupID: String, orderIDs: [String]) {
        let decision = try await placing(quoteID, for: consumer, origin: origin, at: now)
        try await store.apply(decision.changes)
        risk?.placed(decision.observations)
        return (decision.groupID, decision.orderIDs)
    }

    private func productNames(_ ids: [String]) async throws -> [String: LocalizedText] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await store.read(SQL(
            "SELECT id, name_en, name_zh FROM products WHERE id IN (\(SQL.placeholders(ids.count)))", ids.map { $0.sqlValue }))
        return Dictionary(try rows.map { (try $0.text("id"), LocalizedText(en: try $0.text("name_en"), zh: try $0.text("name_zh"))) },
                          uniquingKeysWith: { first, _ in first })
    }
}

/// Stock held for orders. Reserving is one guarded UPDATE: it succeeds only while enough is
/// left, so two buyers of the last unit cannot both get it, on SQLite or PostgreSQL.
public enum StockReservation {
    /// With `revision`, only while the row still has it: the SKU has not been changed since
    /// the order was priced.
    public static func reserve(_ skuID: String, quantity: Int64, revision: Int64? = nil) -> Change {
        let bindings: [SQLValue] = [.integer(quantity), .text(skuID), .integer(quantity)] + (revision.map { [.integer($0)] } ?? [])
        return .guarded(SQL("UPDATE skus SET reserved = reserved + ? WHERE id = ? AND on_hand - reserved >= ?"
                                + (revision == nil ? "" : " AND revision = ?") + " RETURNING id", bindings),
                        conflict: "not enough stock of \(skuID) left" + (revision == nil ? "" : ", or it changed while it was being ordered"))
    }

    /// The goods leave the warehouse: what was reserved comes off the stock on hand.
    public static func consume(_ skuID: String, quantity: Int64) -> Change {
        .guarded(SQL("UPDATE skus SET on_hand = on_hand - ?, reserved = reserved - ? WHERE id = ? AND reserved >= ? RETURNING id",
                     bind: quantity, quantity, skuID, quantity), conflict: "the reservation of \(skuID) is not there to ship")
    }

    public static func release(_ skuID: String, quantity: Int64) -> Change {
        .guarded(SQL("UPDATE skus SET reserved = reserved - ? WHERE id = ? AND reserved >= ? RETURNING id",
                     bind: quantity, skuID, quantity), conflict: "the reservation of \(skuID) is not there to release")
    }
}
