import Commerce
import Foundation
import Money
import Storage

/// The two kinds of channel in their test environments. Their own records live in
/// `sandbox_channel_records`, apart from ours, as a bank's would: a crash on our side leaves
/// what the "bank" did in place, and only a status query tells us.
///
/// Test amounts choose what happens, as real sandboxes' magic amounts do (by the last two
/// digits of the amount in fen): 13 — charged, but the answer times out; 14 — times out
/// before charging; 51 — declined (insufficient funds); 99 — channel unavailable. Anything
/// else succeeds. The partner institution answers every charge with "processing" and reports
/// the outcome by signed callbacks after `settleAfter`: twice, with a stale "processing"
/// report arriving after the outcome.
public struct SandboxChannel: PaymentChannel {
    public enum Kind: Sendable { case directBank, partner }

    public let profile: ChannelProfile
    let kind: Kind
    let store: any Store
    let delay: Duration
    let settleAfter: TimeInterval
    let callbackSecret: String
    /// Picks the test scenario for an amount; by default its last two digits in fen.
    public var scenario: @Sendable (Money) -> Int64 = { $0.minorUnits % 100 }

    public init(kind: Kind, name: String, store: any Store, delay: Duration = .zero, settleAfter: TimeInterval = 2,
                callbackSecret: String = "") {
        self.kind = kind
        self.store = store
        self.delay = delay
        self.settleAfter = settleAfter
        self.callbackSecret = callbackSecret
        profile = switch kind {
        case .directBank: ChannelProfile(name: name, currencies: [.CNY], maxAmount: 5_000_000)  // CNY 50,000 a debit
        case .partner: ChannelProfile(name: name, currencies: [.CNY], maxAmount: 100_000_000)
        }
    }

    public func charge(paymentID: String, amount: Money, at now: Date) async throws -> ChannelOutcome {
        if delay > .zero { try await Task.sleep(for: delay) }
        // The amount's scenario decides, the same way every time: 99 and 14 never charge, so a
        // charge already made is never one of them, and the record need not be read first.
        let scenario = self.scenario(amount)
        if scenario == 99 { throw ChannelFailure.unavailable("the sandbox \(profile.name) is down for this amount") }
        if scenario == 14 { throw ChannelFailure.timeout }
        let declined = scenario == 51
        let reference = "\(profile.name)-\(paymentID)"
        let settlesAt = kind == .directBank ? now : now + settleAfter
        // One charge a payment id, as a bank keeps it: the record is written only if it is new,
        // and a repeated charge answers what the first one did.
        guard try await write(reference: reference, kind: "charge", paymentID: paymentID, amount: amount, status: declined ? "failed" : "succeeded",
                              reason: declined ? "insufficient funds" : "", settlesAt: settlesAt, at: now) else {
            return try await record(paymentID, kind: "charge", at: now) ?? .notFound
        }
        switch kind {
        case .directBank:
            if scenario == 13 { throw ChannelFailure.timeout }
            return declined ? .declined(reason: "insufficient funds") : .succeeded(reference: reference)
        case .partner:
            let final = declined ? "failed" : "succeeded"
            // The outcome, its duplicate, and a stale report that arrives after both.
            try await schedule(paymentID: paymentID, status: final, reference: reference, event: "\(reference)-1", at: settlesAt)
            try await schedule(paymentID: paymentID, status: final, reference: reference, event: "\(reference)-1", at: settlesAt + 0.5, copy: 2)
            try await schedule(paymentID: paymentID, status: "processing", reference: reference, event: "\(reference)-0", at: settlesAt + 1)
            if scenario == 13 { throw ChannelFailure.timeout }
            return .processing(reference: reference)
        }
    }

    public func status(paymentID: String, at now: Date) async throws -> ChannelOutcome {
        if delay > .zero { try await Task.sleep(for: delay) }
        return try await record(paymentID, kind: "charge", at: now) ?? .notFound
    }

    public func refund(refundID: String, paymentID: String, amount: Money, at now: Date) async throws -> ChannelOutcome {
        if delay > .zero { try await Task.sleep(for: delay) }
        if let known = try await record(refundID, kind: "refund", at: now) { return known }
        // As for a charge, 99 is the channel being down: the refund stays booked and is sent again.
        if scenario(amount) == 99 { throw ChannelFailure.unavailable("the sandbox \(profile.name) is down for this refund") }
        let reference = "\(profile.name)-\(refundID)"
        try await write(reference: reference, kind: "refund", paymentID: refundID, amount: amount, status: "succeeded", reason: "",
                        settlesAt: now, at: now)
        return .succeeded(reference: reference)
    }

    public func statement() async throws -> [ChannelMovement] {
        try await store.read(SQL(
            """
            SELECT payment_id, kind, amount_minor, currency FROM sandbox_channel_records
            WHERE channel = ? AND status = 'succeeded' ORDER BY created_at, reference
            """, bind: profile.name)).map { row in
                ChannelMovement(reference: try row.text("payment_id"), kind: try row.text("kind") == "refund" ? .refund : .charge,
                                amount: Money(minorUnits: try row.integer("amount_minor"), currency: try Currency(code: try row.text("currency"))))
            }
    }

    private func record(_ id: String, kind: String, at now: Date) async throws -> ChannelOutcome? {
        let rows = try await store.read(SQL(
            "SELECT reference, status, reason, settles_at FROM sandbox_channel_records WHERE channel = ? AND payment_id = ? AND kind = ?",
            bind: profile.name, id, kind))
        guard let row = rows.first else { return nil }
        let reference = try row.text("reference")
        if try row.integer("settles_at") > now.millisecondsSince1970 { return .processing(reference: reference) }
        return try row.text("status") == "succeeded" ? .succeeded(reference: reference) : .declined(reason: try row.text("reason"))
    }

    /// Records a charge or refund; false when one with this reference was recorded before (and nothing changed).
    @discardableResult
    private func write(reference: String, kind: String, paymentID: String, amount: Money, status: String, reason: String,
                       settlesAt: Date, at now: Date) async throws -> Bool {
        do {
            try await store.apply([.guarded(SQL(
                """
                INSERT INTO sandbox_channel_records (channel, reference, kind, payment_id, amount_minor, currency, status, reason, settles_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (channel, reference) DO NOTHING RETURNING reference
                """,
                bind: profile.name, reference, kind, paymentID, amount.minorUnits, amount.currency.code, status, reason,
                settlesAt.millisecondsSince1970, now.millisecondsSince1970), conflict: "recorded before")])
            return true
        } catch StoreError.conflict {
            return false
        }
    }

    private func schedule(paymentID: String, status: String, reference: String, event: String, at: Date, copy: Int = 1) async throws {
        let body = try CallbackReport(eventId: event, paymentId: paymentID, status: status, reference: reference).json()
        try await store.apply([.write(SQL(
            "INSERT INTO sandbox_callbacks (id, channel, body, deliver_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            bind: "\(event)#\(copy)", profile.name, body, at.millisecondsSince1970))])
    }

    /// Sends every callback that is due, signed, to `deliver`; a delivery that fails is tried
    /// again on the next round, as a partner retries.
    public func deliverDueCallbacks(at now: Date, to deliver: (_ timestamp: String, _ body: String, _ signature: String) async throws -> Void)
        async throws -> Int {
        let due = try await store.read(SQL(
            "SELECT id, body FROM sandbox_callbacks WHERE channel = ? AND delivered_at IS NULL AND deliver_at <= ? ORDER BY deliver_at, id",
            bind: profile.name, now.millisecondsSince1970))
        var delivered = 0
        for row in due {
            let body = try row.text("body")
            let timestamp = String(now.secondsSince1970)
            try await deliver(timestamp, body, CallbackSignature.sign(timestamp: timestamp, body: body, secret: callbackSecret))
            try await store.apply([.write(SQL("UPDATE sandbox_callbacks SET delivered_at = ? WHERE id = ?",
                                              bind: now.millisecondsSince1970, try row.text("id")))])
            delivered += 1
        }
        return delivered
    }
}
