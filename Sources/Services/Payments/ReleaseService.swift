import Commerce
import Foundation
import Ledger
import Money
import Storage

/// Releasing escrow when the buyer confirms delivery, or by itself when the confirmation
/// window after delivery has passed: the order completes, its holds are posted, the merchant
/// is credited in its currency at the rate of the moment, and the release is recorded with
/// both rates — all in one transaction.
public struct ReleaseService: Sendable {
    let store: any Store
    let rates: RateService
    /// How long after delivery the escrow is released without the buyer's confirmation.
    public var confirmationWindow: TimeInterval = 7 * 24 * 3600

    public init(store: any Store, rates: RateService) {
        self.store = store
        self.rates = rates
    }

    /// The buyer confirms delivery of their order.
    public func confirmDelivery(_ orderID: String, by consumer: Consumer, at now: Date) async throws -> ReleaseRecord {
        guard try await OrderService(store: store).order(orderID, of: consumer) != nil else { throw OrderService.OrderNotFound(id: orderID) }
        return try await release(orderID, by: .buyer(consumer.id), note: "delivery confirmed by the buyer", at: now)
    }

    public func release(_ orderID: String, by actor: OrderActor, note: String, at now: Date) async throws -> ReleaseRecord {
        try await store.transact { reader in
            try await ReleaseService(store: reader, rates: rates).releasing(orderID, by: actor, note: note, at: now)
        }
    }

    /// Releases every delivered order whose confirmation window has passed; returns how many.
    @discardableResult
    public func releaseDue(at now: Date) async throws -> Int {
        let due = try await store.read(SQL("SELECT id FROM orders WHERE status = 'delivered' AND delivered_at <= ?",
                                           bind: (now - confirmationWindow).millisecondsSince1970))
        let failures = WorkFailures(store: store)
        let known = try await failures.known("release")
        var released = 0
        for row in due where known[try row.text("id")] != true {
            let orderID = try row.text("id")
            do {
                _ = try await release(orderID, by: .system, note: "released after the confirmation window", at: now)
                released += 1
                if known[orderID] != nil { try await failures.succeeded("release", item: orderID) }
            } catch is OrderError {
                continue  // confirmed or refunded meanwhile
            } catch let error as MoneyError {
                // No fresh rate now: released on a later round, and ops see why until then.
                await failures.failed("release", item: orderID, error, at: now)
            }
        }
        return released
    }

    func releasing(_ orderID: String, by actor: OrderActor, note: String, at now: Date) async throws -> (changes: [Change], result: ReleaseRecord) {
        let rows = try await store.read(SQL(
            """
            SELECT o.id, o.merchant_id, o.status, o.consumer_id, o.goods_cny, o.freight_cny, o.tax_cny, o.rate, o.rate_source, o.rate_as_of,
                m.currency, COALESCE(a.commission_bps, 0) AS commission_bps,
                (SELECT CAST(COALESCE(SUM(l.unit_price_minor * l.quantity), 0) AS BIGINT) FROM order_lines l WHERE l.order_id = o.id) AS listed
            FROM orders o JOIN merchants m ON m.id = o.merchant_id LEFT JOIN merchant_payout_accounts a ON a.merchant_id = o.merchant_id
            WHERE o.id = ?
            """, bind: orderID))
        guard let row = rows.first else { throw OrderService.OrderNotFound(id: orderID) }
        let (order, _, _) = try PaymentRecords.orderAmounts(row)
        var changes = try await OrderService(store: store).transitioning(orderID, to: .completed, by: actor, at: now, note: note)
        let currency = order.merchantCurrency
        let quoteRate = try ExchangeRate(base: currency, quote: .CNY, rate: try ExactDecimal(parsing: try row.text("rate")),
                                         source: try row.text("rate_source"), asOf: Date(millisecondsSince1970: try row.integer("rate_as_of")))
        let releaseRate = currency == .CNY ? ExchangeRate.identity(.CNY, asOf: now) : try await rates.book().rate(from: currency, to: .CNY, at: now)
        let (requests, settlement) = try EscrowRelease.plan(
            order: order, holds: try await EscrowRecords.holds(of: orderID, in: store),
            listed: Money(minorUnits: try row.integer("listed"), currency: currency), quotedGoods: order.goods, quoteRate: quoteRate,
            releaseRate: releaseRate, commissionBasisPoints: try row.integer("commission_bps"))
        try await LedgerService(store: store).open(EscrowRelease.accounts(merchantID: order.merchantID, currency: currency), at: now)
        changes += try await LedgerService.booking(requests, in: store, at: now)
        changes.append(.write(SQL(
            """
            INSERT INTO escrow_releases (order_id, merchant_id, currency, goods_cny, share_minor, converted_minor, fx_gain_minor,
                commission_minor, quote_rate, release_rate, release_rate_source, released_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            bind: orderID, order.merchantID, currency.code, settlement.goodsCNY.minorUnits, settlement.share.minorUnits,
            settlement.converted.minorUnits, settlement.fxGain.minorUnits, settlement.commission.minorUnits, quoteRate.rate.description,
            releaseRate.rate.description, releaseRate.source, now.millisecondsSince1970)))
        let record = ReleaseRecord(
            orderID: orderID, merchantID: order.merchantID, goodsCNY: settlement.goodsCNY, share: settlement.share,
            converted: settlement.converted, fxGain: settlement.fxGain, commission: settlement.commission,
            quoteRate: quoteRate.rate.description, releaseRate: releaseRate.rate.description, releasedAt: now)
        return (changes, record)
    }
}

extension ReleaseService {
    /// Where an order's escrow stands.
    public func escrow(of orderID: String, status: OrderStatus) async throws -> EscrowView {
        try await EscrowRecords.view(of: orderID, status: status, in: store)
    }
}
