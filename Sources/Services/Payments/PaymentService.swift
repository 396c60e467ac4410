import Commerce
import Foundation
import Ledger
import Money
import Storage

/// Paying an order group: the intent is recorded durably first, then the channel is called,
/// then the outcome is booked — the payment, the orders now paid, the money into escrow and
/// its holds — in one transaction. An outcome the channel did not give (a timeout, a crash
/// between the channel's debit and our booking) is settled later by asking the channel, never
/// by guessing; every step is keyed by the payment's id, so nothing is charged or booked twice.
/// An order this same call is placing and paying (buy now): its amounts, and its state as
/// placed, so that it need not be read back.
struct PlacedOrder: Sendable {
    let amounts: OrderAmounts
    let state: OrderState
}

public struct PaymentService: Sendable {
    let store: any Store
    let channels: PaymentChannels
    let health: ChannelHealth
    let cipher: FieldCipher
    /// The secret each partner signs its callbacks with, by channel name.
    public var callbackSecrets: [String: String] = [:]
    /// Called at named points of a payment ("after-intent", "after-charge"), so that a test
    /// can stop the payment there as a crash would.
    public var checkpoint: @Sendable (String) async throws -> Void = { _ in }
    /// Refuses payment of orders whose identity or device ops blocked after they were placed.
    public var risk: RiskService?

    public init(store: any Store, channels: PaymentChannels, health: ChannelHealth, cipher: FieldCipher) {
        self.store = store
        self.channels = channels
        self.health = health
        self.cipher = cipher
    }

    /// The payment a buyer's Idempotency-Key names: the same key is the same payment.
    public static func paymentID(consumerID: String, key: String) -> String {
        "p-" + Secrets.digest(Array("\(consumerID) \(key)".utf8)).prefix(24)
    }

    /// Pays `groupID` for `consumer`; returns the changes that book the outcome (for the
    /// caller to commit with its idempotency record) and the payment as it will then stand.
    public func pay(groupID: String, consumer: Consumer, preferred: String?, payerIDNumber: String?, key: String, at now: Date)
        async throws -> (changes: [Change], payment: PaymentView) {
        let id = PaymentService.paymentID(consumerID: consumer.id, key: key)
        let requestHash = PaymentService.requestHash(groupID: groupID, preferred: preferred, payer: payerIDNumber.map(cipher.fingerprint))
        let payment: PaymentView
        let candidates: [String]
        if let existing = try await PaymentRecords.payment(id, in: store) {
            guard existing.requestHash == requestHash else { throw IdempotencyError.keyReused(key) }
            guard existing.status == .initiated || existing.status == .unknown else { return ([], existing) }
            // A retry of a payment whose outcome we never learned: ask first.
            let outcome = try await channel(existing.channel).status(paymentID: id, at: now)
            if outcome != .notFound || existing.status == .unknown {
                return (try await settling(existing, outcome, source: "status", eventID: nil, at: now), existing.with(
                    status: outcome.status, reference: outcome.reference, failure: outcome.failure, at: now))
            }
            payment = existing
            candidates = [existing.channel]
        } else {
            let orders = try await PaymentRecords.amounts(ofGroup: groupID, in: store).filter { $0.consumerID == consumer.id }
            guard !orders.isEmpty else { throw PaymentError.unknownGroup(groupID) }
            for order in orders where order.status != .created { throw PaymentError.notPayable(orderID: order.amounts.orderID, status: order.status) }
            // Checked again at payment: the orders' allowance was counted against the identity
            // enrolled when they were placed, and customs will match the payer against it.
            let buyer = try await IdentityService.fingerprint(of: consumer, in: store)
            let placedUnder = try await store.read(SQL("SELECT DISTINCT id_fingerprint FROM orders WHERE group_id = ? AND status <> 'cancelled'", bind: groupID))
            guard let buyer, try placedUnder.allSatisfy({ try $0.optionalText("id_fingerprint") == buyer }) else {
                throw PaymentError.identityChanged
            }
            if let payerIDNumber, buyer != cipher.fingerprint(payerIDNumber.uppercased()) { throw PaymentError.payerIsNotBuyer }
            try await risk?.checkPayment(identity: buyer, orderIDs: orders.map(\.amounts.orderID))
            (payment, candidates) = try await intent(id, groupID: groupID, consumer: consumer, orders: orders.map(\.amounts),
                                                     preferred: preferred, requestHash: requestHash, at: now)
            try await record(payment, orders: orders.map(\.amounts))
        }
        return try await charging(payment, candidates: candidates, placed: nil, at: now)
    }

    /// Pays orders this same call is placing (buy now): the orders and the payment's intent are
    /// committed as one unit, so neither exists without the other, and the orders' state and
    /// amounts are known rather than read back. A retry with the key finds the payment and goes
    /// through `pay`.
    func payPlacing(_ orders: [PlacedOrder], placing: [Change], groupID: String, consumer: Consumer, preferred: String?,
                    key: String, at now: Date) async throws -> (changes: [Change], payment: PaymentView) {
        let (payment, candidates) = try await intent(
            PaymentService.paymentID(consumerID: consumer.id, key: key), groupID: groupID, consumer: consumer, orders: orders.map(\.amounts),
            preferred: preferred, requestHash: PaymentService.requestHash(groupID: groupID, preferred: preferred, payer: nil), at: now)
        try await record(payment, orders: orders.map(\.amounts), with: placing)
        return try await charging(payment, candidates: candidates, placed: orders, at: now)
    }

    /// What identifies a payment request, so that its key cannot be reused for another.
    private static func requestHash(groupID: String, preferred: String?, payer: String?) -> String {
        Secrets.digest(Array("\(groupID) \(preferred ?? "") \(payer ?? "")".utf8))
    }

    /// A new payment of `orders` and the channels to try, best first.
    private func intent(_ id: String, groupID: String, consumer: Consumer, orders: [OrderAmounts], preferred: String?,
                        requestHash: String, at now: Date) async throws -> (payment: PaymentView, candidates: [String]) {
        let amount = try Money.sum(orders.map(\.total), currency: .CNY)
        let candidates = try route(amount, preferred: preferred, unhealthy: await health.unhealthy(at: now))
        return (PaymentView(id: id, groupID: groupID, consumerID: consumer.id, channel: candidates[0], amount: amount, status: .initiated,
                            reference: nil, failure: nil, requestHash: requestHash, createdAt: now, updatedAt: now), candidates)
    }

    /// Charges a recorded payment through `candidates` in turn and returns the booking of the
    /// outcome; `placed`: the orders, when this call placed them and they stand as created.
    private func charging(_ recorded: PaymentView, candidates: [String], placed: [PlacedOrder]?, at now: Date) async throws
        -> (changes: [Change], payment: PaymentView) {
        let id = recorded.id
        var payment = recorded
        try await checkpoint("after-intent")
        var outcome: ChannelOutcome?
        for (index, name) in candidates.enumerated() {
            do {
                outcome = try await channel(name).charge(paymentID: id, amount: payment.amount, at: now)
                await health.record(name, succeeded: true, at: now)
                break
            } catch ChannelFailure.unavailable(let reason) {
                await health.record(name, succeeded: false, at: now)
                guard index + 1 < candidates.count else {
                    outcome = .declined(reason: reason)
                    break
                }
                // Nothing was charged: fall back to the next channel, and say so on the payment.
                try await store.apply([.guarded(SQL("UPDATE payments SET channel = ? WHERE id = ? AND status = 'initiated' RETURNING id",
                                                    bind: candidates[index + 1], id), conflict: "payment \(id) changed meanwhile")])
                payment = PaymentView(id: id, groupID: payment.groupID, consumerID: payment.consumerID, channel: candidates[index + 1],
                                      amount: payment.amount, status: .initiated, reference: nil, failure: nil,
                                      requestHash: payment.requestHash, createdAt: payment.createdAt, updatedAt: now)
            } catch {
                // A timeout, or the connection lost: the outcome is unknown until the channel is asked.
                await health.record(name, succeeded: false, at: now)
                break
            }
        }
        try await checkpoint("after-charge")
        guard let outcome else {
            return ([PaymentRecords.moving(payment, to: .unknown, reference: nil, failure: nil, at: now)],
                    payment.with(status: .unknown, reference: nil, failure: nil, at: now))
        }
        return (try await settling(payment, outcome, source: "charge", eventID: nil, at: now, placed: placed),
                payment.with(status: outcome.status, reference: outcome.reference, failure: outcome.failure, at: now))
    }

    /// Records the intent (and opens the accounts its booking will touch), durably, before
    /// any channel is called, with `placing` when the same call places the orders. One live
    /// payment per group: a second is refused.
    private func record(_ payment: PaymentView, orders: [OrderAmounts], with placing: [Change] = []) async throws {
        let accounts = channels.profiles.flatMap { Escrow.accounts(channel: $0.name, consumerID: payment.consumerID, orders: orders) }
        let live = "group \(payment.groupID) already has a live payment"
        do {
            try await store.apply(placing + LedgerRecords.opening(accounts, at: payment.createdAt) + [.guarded(SQL(
                """
                INSERT INTO payments (id, group_id, consumer_id, channel, amount_cny, status, request_hash, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'initiated', ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id
                """,
                bind: payment.id, payment.groupID, payment.consumerID, payment.channel, payment.amount.minorUnits, payment.requestHash,
                payment.createdAt.millisecondsSince1970, payment.createdAt.millisecondsSince1970),
                conflict: live)])
        } catch StoreError.conflict(let reason) where reason == live {
            throw PaymentError.alreadyUnderWay(groupID: payment.groupID)
        }
    }

    /// The changes that apply a channel's word on a payment: its new status (only ever
    /// forward), the report kept once, and on success the orders paid and the money booked
    /// into escrow. A report that would move it backwards is kept and changes nothing else.
    /// `placed`: the group's orders when they are known to stand as just created (buy now), so
    /// that they need not be read back.
    func settling(_ payment: PaymentView, _ outcome: ChannelOutcome, source: String, eventID: String?, at now: Date,
                  placed: [PlacedOrder]? = nil) async throws -> [Change] {
        let status = outcome.status
        let applies = payment.status.accepts(status)
        var changes: [Change] = [PaymentRecords.report(
            channel: payment.channel, eventID: eventID ?? "\(source):\(payment.id):\(status.rawValue):\(now.millisecondsSince1970)",
            paymentID: payment.id, status: status, source: source, applied: applies, at: now)]
        guard applies else { return changes }
        changes.append(PaymentRecords.moving(payment, to: status, reference: outcome.reference, failure: outcome.failure, at: now))
        guard status == .succeeded else { return changes }
        let actor = OrderActor(kind: "channel", id: payment.channel)
        let note = "paid through \(payment.channel), payment \(payment.id)"
        let orders: [OrderAmounts]
        if let placed {
            orders = placed.map(\.amounts)
            for order in placed {
                changes += try OrderService.moving(order.state, through: [.paid], by: actor, at: now, note: note)
            }
        } else {
            orders = try await PaymentRecords.amounts(ofGroup: payment.groupID, in: store).map(\.amounts)
            let orderService = OrderService(store: store)
            for order in orders {
                changes += try await orderService.transitioning(order.orderID, to: .paid, by: actor, at: now, note: note)
            }
        }
        let requests = try Escrow.paying(paymentID: payment.id, channel: payment.channel, consumerID: payment.consumerID, orders: orders)
        if placed != nil {
            // A payment this call created, of orders it placed: none of its transfers can exist
            // yet, and every account it moves is funded by the batch itself (the channel is
            // debited, the buyer credited then debited as much, each escrow credited then held in
            // full), so the decision on zero balances is the one real balances give, and each
            // flagged account's guard checks the move against its real row when it is written.
            // Two reads an order fewer on buy now's path.
            let known = LedgerState(accounts: Escrow.accounts(channel: payment.channel, consumerID: payment.consumerID, orders: orders),
                                    balances: [:], pending: [], recorded: [])
            changes += try LedgerService.booking(requests, on: known, kind: store.kind, at: now)
        } else {
            changes += try await LedgerService.booking(requests, in: store, at: now)
        }
        return changes
    }

    private func route(_ amount: Money, preferred: String?, unhealthy: Set<String>) throws -> [String] {
        let routed = Result { () throws(RoutingError) in
            try PaymentRouting.candidates(for: amount, preferred: preferred, channels: channels.profiles, unhealthy: unhealthy)
        }
        switch routed {
        case .success(let candidates): return candidates
        case .failure(.unknownChannel(let name)): throw PaymentError.unknownChannel(name)
        case .failure(let error): throw error
        }
    }

    func channel(_ name: String) throws -> any PaymentChannel {
        guard let channel = channels[name] else { throw PaymentError.unknownChannel(name) }
        return channel
    }

    // MARK: reading

    public func payment(_ id: String, of consumer: Consumer) async throws -> PaymentView? {
        guard let payment = try await PaymentRecords.payment(id, in: store), payment.consumerID == consumer.id else { return nil }
        return payment
    }

    public func payments(ofGroup groupID: String) async throws -> [PaymentView] {
        try await store.read(SQL("SELECT * FROM payments WHERE group_id = ? ORDER BY created_at, id", bind: groupID)).map(PaymentRecords.view)
    }

    // MARK: reports that come later

    /// A partner's signed callback. A bad or stale signature is refused; a report already
    /// received (by its event id) or one that would move the payment backwards changes nothing.
    /// Returns whether the report moved the payment.
    @discardableResult
    public func receiveCallback(channel name: String, timestamp: String, signature: String, body: String, at now: Date) async throws -> Bool {
        guard let secret = callbackSecrets[name] else { throw PaymentError.unknownChannel(name) }
        let report = try CallbackSignature.verify(timestamp: timestamp, body: body, signature: signature, secret: secret, at: now)
        guard let status = PaymentStatus(rawValue: report.status) else { throw CallbackError.malformed("status \(report.status)") }
        let outcome: ChannelOutcome = switch status {
        case .succeeded: .succeeded(reference: report.reference)
        case .failed: .declined(reason: "declined by \(name)")
        default: .processing(reference: report.reference)
        }
        return try await store.transact { reader in
            let known = try await reader.read(SQL("SELECT 1 AS seen FROM payment_reports WHERE channel = ? AND event_id = ?",
                                                  bind: name, report.eventId))
            guard known.isEmpty, let payment = try await PaymentRecords.payment(report.paymentId, in: reader), payment.channel == name else {
                return ([], false)
            }
            let service = PaymentService(store: reader, channels: channels, health: health, cipher: cipher)
            let changes = try await service.settling(payment, outcome, source: "callback", eventID: report.eventId, at: now)
            return (changes, payment.status.accepts(status))
        }
    }

    /// What a failed status query is recorded under (`WorkFailures`).
    static let statusWork = "payment-status"

    /// Settles every payment whose outcome is still open after `olderThan` seconds by asking
    /// its channel. A payment the channel has never heard of failed: it was never charged.
    /// Returns how many payments moved.
    @discardableResult
    public func recover(at now: Date, olderThan: TimeInterval = 30) async throws -> Int {
        let open = try await store.read(SQL(
            "SELECT * FROM payments WHERE status IN ('initiated', 'unknown', 'processing') AND updated_at <= ? ORDER BY updated_at",
            bind: (now - olderThan).millisecondsSince1970)).map(PaymentRecords.view)
        return try await WorkFailures(store: store).round(Self.statusWork, open, named: \.id, at: now) { payment in
            let outcome = try await channel(payment.channel).status(paymentID: payment.id, at: now)
            let final: ChannelOutcome = outcome == .notFound ? .declined(reason: "the channel never received this payment") : outcome
            guard payment.status.accepts(final.status) else { return false }
            do {
                try await store.transact { reader in
                    guard let current = try await PaymentRecords.payment(payment.id, in: reader), current.status.accepts(final.status) else {
                        return ([], ())
                    }
                    let service = PaymentService(store: reader, channels: channels, health: health, cipher: cipher)
                    return (try await service.settling(current, final, source: "status", eventID: nil, at: now), ())
                }
                return true
            } catch StoreError.conflict {
                return false  // settled by a callback meanwhile
            }
        }
    }
}

extension ChannelOutcome {
    var reference: String? {
        switch self {
        case .succeeded(let reference), .processing(let reference): return reference
        case .declined, .notFound: return nil
        }
    }

    var failure: String? {
        switch self {
        case .declined(let reason): return reason
        case .notFound: return "the channel has no record of this payment"
        case .succeeded, .processing: return nil
        }
    }
}
