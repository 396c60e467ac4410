import Commerce
import Foundation
import Money
import Storage

/// Customs' answer on one parcel, as its receipt message carries it.
public struct CustomsResult: Sendable, Equatable {
    public let eventID: String
    public let orderNo: String
    public let result: ClearanceResult
    public let reason: String

    public init(eventID: String, orderNo: String, result: ClearanceResult, reason: String) {
        self.eventID = eventID
        self.orderNo = orderNo
        self.result = result
        self.reason = reason
    }
}

/// The single window to customs: the three records go in, results come back later.
public protocol CustomsGateway: Sendable {
    /// Sends declarations as one batch of messages: all taken, or none (then it throws).
    func submit(_ declarations: [Declaration], at now: Date) async throws
    /// Hands every result that has arrived to `receive`; returns how many.
    func deliverResults(at now: Date, to receive: @escaping @Sendable (CustomsResult) async throws -> Void) async throws -> Int
}

/// Customs' test environment. It matches the three records as customs does
/// (`DeclarationMatching`) and rejects a parcel whose records disagree, naming the rule; it
/// sends one parcel in ten (by order number) to inspection and releases it later; and like
/// the real one it answers late — `delay`, and three times that for one parcel in five — and
/// sends every result twice.
public struct SandboxCustoms: CustomsGateway {
    let store: any Store
    let delay: TimeInterval

    public init(store: any Store, delay: TimeInterval = 3) {
        self.store = store
        self.delay = delay
    }

    public func submit(_ declarations: [Declaration], at now: Date) async throws {
        try await store.apply(declarations.flatMap { answers(to: $0, at: now) })
    }

    /// The results customs will send about one declaration, each twice, written to the outbox.
    private func answers(to declaration: Declaration, at now: Date) -> [Change] {
        let orderNo = declaration.order.orderNo
        let mismatches = DeclarationMatching.mismatches(declaration, on: Day(beijing: now))
        let bucket = SandboxBucket.of(orderNo)
        let answerAt = now + (bucket % 5 == 0 ? delay * 3 : delay)
        var results: [(ClearanceResult, String, Date)] = []
        if let first = mismatches.first {
            results.append((.rejected, "\(first.rule): \(first.field) is \(first.otherValue), the order says \(first.orderValue)", answerAt))
        } else if bucket % 10 == 0 {
            results.append((.inspection, "selected for inspection", answerAt))
            results.append((.released, "released after inspection", answerAt + delay))
        } else {
            results.append((.released, "", answerAt))
        }
        var changes: [Change] = []
        for (index, (result, reason, at)) in results.enumerated() {
            for copy in 1...2 {
                changes.append(.write(SQL(
                    """
                    INSERT INTO sandbox_customs_outbox (id, order_id, result, reason, deliver_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING
                    """,
                    bind: "\(orderNo)-\(index)#\(copy)", orderNo, result.rawValue, reason, (at + Double(copy - 1)).millisecondsSince1970)))
            }
        }
        return changes
    }

    public func deliverResults(at now: Date, to receive: @escaping @Sendable (CustomsResult) async throws -> Void) async throws -> Int {
        let due = try await store.read(SQL(
            "SELECT * FROM sandbox_customs_outbox WHERE delivered_at IS NULL AND deliver_at <= ? ORDER BY deliver_at, id LIMIT ?",
            bind: now.millisecondsSince1970, ConcurrentRound.limit))
        // Parcels at once, each parcel's results (and their duplicates) in the order sent.
        let byParcel = Dictionary(grouping: due, by: { try? $0.text("order_id") }).values.map(Array.init)
        let round = await ConcurrentRound.run(byParcel) { rows in
            for row in rows {
                let id = try row.text("id")
                try await receive(CustomsResult(
                    eventID: String(id.split(separator: "#").first ?? ""), orderNo: try row.text("order_id"),
                    result: ClearanceResult(rawValue: try row.text("result")) ?? .inspection, reason: try row.text("reason")))
            }
        }
        // Marked once a round, not a write per message (three in ten of the customs rounds'
        // units of work at 150 orders/s); a parcel that failed part way, or a crash before this, has
        // its results delivered again, as customs resends them anyway.
        let ids = try round.done.joined().map { SQLValue.text(try $0.text("id")) }
        if !ids.isEmpty {
            try await store.apply([.write(SQL("UPDATE sandbox_customs_outbox SET delivered_at = ? WHERE id IN (\(SQL.placeholders(ids.count)))",
                                              [.integer(now.millisecondsSince1970)] + ids))])
        }
        if let failure = round.failure { throw failure }
        return due.count
    }
}
