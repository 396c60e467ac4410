import Commerce
import Foundation
import Ledger
import Money
import Storage

/// A refund as recorded.
public struct RefundView: Sendable, Equatable {
    public let id: String
    public let orderID: String
    public let paymentID: String
    public let amount: Money
    public let reason: String
    /// `booked` in the ledger; `sent` once the channel has returned the money.
    public let status: String
    public let createdAt: Date
}

/// Refunds to the channel the buyer paid through. The booking — the refund record, the
/// ledger's moves (out of escrow before release, clawed back from the merchant after), and
/// the order refunded when nothing is left — is one transaction; the channel is told after
/// it, by the refund's own id, and a refund the channel has not confirmed is sent again later.
public struct RefundService: Sendable {
    let store: any Store
    let rates: RateService
    let channels: PaymentChannels

    public init(store: any Store, rates: RateService, channels: PaymentChannels) {
        self.store = store
        self.rates = rates
        self.channels = channels
    }

    /// Refunds `amount` of `orderID`. The same `refundID` again returns the refund already made.
    /// `merchantID`, when given, limits the call to that merchant's orders.
    /// `returned`: the goods came back within the return window, so the allowance is restored
    /// even after customs released them (`OrderStatus.move`).
    public func refund(_ orderID: String, amount: Money, reason: String, requestedBy: String, refundID: String,
                       merchantID: String? = nil, returned: Bool = false, at now: Date) async throws -> RefundView {
        let booked = try await store.transact { reader in
            if let existing = try await RefundService.refund(refundID, in: reader) { return ([], existing) }
            return try await RefundService(store: reader, rates: rates, channels: channels)
                .booking(orderID, amount: amount, reason: reason, requestedBy: requestedBy, refundID: refundID, merchantID: merchantID,
                         returned: returned, at: now)
        }
        return try await send(booked, at: now)
    }

    /// Gives back everything the buyer paid for the order and has not had back yet, tax
    /// included; nothing when all of it is back already. The same `refundID` makes it once.
    @discardableResult
    public func refundRest(of orderID: String, reason: String, requestedBy: String, refundID: String, returned: Bool = false,
                           at now: Date) async throws -> RefundView? {
        let order = try await store.read(SQL("SELECT total_cny FROM orders WHERE id = ?", bind: orderID)).first
        let left = (try order?.integer("total_cny") ?? 0) - (try await EscrowRecords.refunded(orderID, in: store)).minorUnits
        guard left > 0 else { return nil }
        return try await refund(orderID, amount: Money(minorUnits: left, currency: .CNY), reason: reason, requestedBy: requestedBy,
                                refundID: refundID, returned: returned, at: now)
    }

    func booking(_ orderID: String, amount: Money, reason: String, requestedBy: String, refundID: String, merchantID: String?,
                 returned: Bool = false, at now: Date) async throws -> (changes: [Change], result: RefundView) {
        let rows = try await store.read(SQL(
            """
            SELECT o.id, o.merchant_id, o.status, o.consumer_id, o.goods_cny, o.freight_cny, o.tax_cny, m.currency, o.group_id
            FROM orders o JOIN merchants m ON m.id = o.merchant_id WHERE o.id = ?
            """, bind: orderID))
        guard let row = rows.first else { throw OrderService.OrderNotFound(id: orderID) }
        if let merchantID, try row.text("merchant_id") != merchantID { throw OrderService.OrderNotFound(id: orderID) }
        let (order, status, consumerID) = try PaymentRecords.orderAmounts(row)
        let payments = try await store.read(SQL("SELECT * FROM payments WHERE group_id = ? AND status = 'succeeded'",
                                                bind: try row.text("group_id"))).map(PaymentRecords.view)
        guard let payment = payments.first, ![.created, .cancelled, .refunded].contains(status) else {
            throw status == .refunded ? RefundError.exceedsPaid(asked: amount, refundable: .zero(.CNY)) : RefundError.notPaid(orderID: orderID)
        }
        let released = try await EscrowRecords.release(orderID, in: store) != nil
        var rate: ExchangeRate?
        if released && order.merchantCurrency != .CNY {
            rate = try await rates.book().rate(from: order.merchantCurrency, to: .CNY, at: now)
        }
        let refundable = RefundableOrder(
            order: order, consumerID: consumerID, channel: payment.channel, refunded: try await EscrowRecords.refunded(orderID, in: store),
            holds: released ? [] : try await EscrowRecords.holds(of: orderID, in: store), released: released)
        let plan = try Refund.plan(refundID, amount: amount, of: refundable, rate: rate)
        try await LedgerService(store: store).open(plan.accounts, at: now)
        var changes = try await LedgerService.booking(plan.requests, in: store, at: now)
        changes.append(.guarded(SQL(
            """
            INSERT INTO refunds (id, order_id, payment_id, amount_cny, reason, requested_by, status, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 'booked', ?, ?) ON CONFLICT (id) DO NOTHING RETURNING id
            """,
            bind: refundID, orderID, payment.id, amount.minorUnits, reason, requestedBy, now.millisecondsSince1970, now.millisecondsSince1970),
            conflict: "refund \(refundID) was made meanwhile"))
        if plan.isFull {
            changes += try await OrderService(store: store).transitioning(
                orderID, to: .refunded, by: OrderActor(kind: requestedBy.split(separator: ":").first.map(String.init) ?? "ops", id: requestedBy),
                at: now, note: "refunded in full: \(reason)", returned: returned)
        }
        return (changes, RefundView(id: refundID, orderID: orderID, paymentID: payment.id, amount: amount, reason: reason, status: "booked",
                                    createdAt: Date(millisecondsSince1970: now.millisecondsSince1970)))
    }

    /// Tells the channel; on its confirmation the refund is `sent`. A failure leaves it
    /// `booked`, for `resendUnsent` to try again, and is recorded (`WorkFailures`).
    private func send(_ refund: RefundView, at now: Date) async throws -> RefundView {
        guard refund.status == "booked" else { return refund }
        guard let payment = try await PaymentRecords.payment(refund.paymentID, in: store), let channel = channels[payment.channel] else {
            await failures.failed(Self.work, item: refund.id, reason: "its payment or the payment's channel is unknown", at: now)
            return refund
        }
        do {
            let answer = try await channel.refund(refundID: refund.id, paymentID: payment.id, amount: refund.amount, at: now)
            guard case .succeeded = answer else {
                await failures.failed(Self.work, item: refund.id, reason: "the channel answered \(answer) to the refund", at: now)
                return refund
            }
        } catch {
            await failures.failed(Self.work, item: refund.id, error, at: now)
            return refund
        }
        try await store.apply([.write(SQL("UPDATE refunds SET status = 'sent', updated_at = ? WHERE id = ? AND status = 'booked'",
                                          bind: now.millisecondsSince1970, refund.id))])
        return RefundView(id: refund.id, orderID: refund.orderID, paymentID: refund.paymentID, amount: refund.amount, reason: refund.reason,
                          status: "sent", createdAt: refund.createdAt)
    }

    /// Sends again every booked refund the channel has not confirmed, except those parked
    /// for ops after failing too often; returns how many went.
    @discardableResult
    public func resendUnsent(at now: Date) async throws -> Int {
        let known = try await failures.known(Self.work)
        var sent = 0
        for refund in try await store.read(SQL("SELECT * FROM refunds WHERE status = 'booked' ORDER BY created_at")).map(RefundService.view)
        where known[refund.id] != true {
            guard try await send(refund, at: now).status == "sent" else { continue }
            sent += 1
            if known[refund.id] != nil { try await failures.succeeded(Self.work, item: refund.id) }
        }
        return sent
    }

    /// What a refund's failures are recorded under.
    static let work = "refund"
    var failures: WorkFailures { WorkFailures(store: store) }

    public func refunds(of orderID: String) async throws -> [RefundView] {
        try await store.read(SQL("SELECT * FROM refunds WHERE order_id = ? ORDER BY created_at, id", bind: orderID)).map(RefundService.view)
    }

    static func refund(_ id: String, in store: any Store) async throws -> RefundView? {
        try await store.read(SQL("SELECT * FROM refunds WHERE id = ?", bind: id)).first.map(view)
    }

    static func view(_ row: Row) throws -> RefundView {
        RefundView(id: try row.text("id"), orderID: try row.text("order_id"), paymentID: try row.text("payment_id"),
                   amount: Money(minorUnits: try row.integer("amount_cny"), currency: .CNY), reason: try row.text("reason"),
                   status: try row.text("status"), createdAt: Date(millisecondsSince1970: try row.integer("created_at")))
    }
}
