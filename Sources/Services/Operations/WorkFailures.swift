import Foundation
import Logging
import Storage

/// One item of background work that has failed, as ops see it.
public struct WorkFailure: Sendable, Equatable {
    public let work: String
    public let item: String
    public let attempts: Int64
    public let lastError: String
    public let firstFailedAt: Date
    public let lastFailedAt: Date
    /// Failed `WorkFailures.parkAfter` times: left out of its round until ops retry it.
    public let parked: Bool
}

/// Background work never fails in silence. Each failure of an item (a refund the channel keeps
/// refusing, a payment whose channel does not answer, a declaration customs' gateway will not
/// take) is logged with what it was working on, kept in `work_failures` and counted by kind of
/// work on /metrics; after `parkAfter` failed attempts the item is parked — its round leaves it
/// alone instead of retrying it every second — and listed for ops, who retry it once the cause
/// is fixed. A later success forgets its failures.
public struct WorkFailures: Sendable {
    /// Attempts before an item is parked: a minute of one-second rounds would be sixty.
    public static let parkAfter: Int64 = 10

    let store: any Store
    let logger: Logger

    public init(store: any Store, logger: Logger = Logger(label: "crossborder.work")) {
        self.store = store
        self.logger = logger
    }

    /// The items of `work` that have failed before, and whether each is parked: a round skips
    /// the parked ones and clears the others when they succeed.
    public func known(_ work: String) async throws -> [String: Bool] {
        var known: [String: Bool] = [:]
        for row in try await store.read(SQL("SELECT item, parked FROM work_failures WHERE work = ?", bind: work)) {
            known[try row.text("item")] = try row.integer("parked") != 0
        }
        return known
    }

    /// One round of `work` over `items`, each named by `name`: `attempt` runs on every item not
    /// parked that this process holds a lease on (`WorkLeases`: another process's round works on
    /// the rest); a failure is recorded and the round goes on; an item that works has its past
    /// failures forgotten. Returns how many attempts answered true.
    public func round<Item>(_ work: String, _ items: [Item], named name: (Item) throws -> String, at now: Date,
                            _ attempt: (Item) async throws -> Bool) async throws -> Int {
        let known = try await known(work)
        let named = try items.map { (item: $0, id: try name($0)) }.filter { known[$0.id] != true }
        let leases = WorkLeases(store: store)
        let mine = Set(try await leases.claim(work, named.map(\.id), at: now))
        var counted = 0
        for (item, id) in named where mine.contains(id) {
            do {
                if try await attempt(item) { counted += 1 }
            } catch {
                await failed(work, item: id, error, at: now)
                continue
            }
            if known[id] != nil { try await succeeded(work, item: id) }
        }
        // A round that stops early leaves its leases to run out (`WorkLeases.term`).
        try await leases.release(work, Array(mine), at: now)
        return counted
    }

    /// Records a failed attempt at `item`; never throws, since it runs where work has already
    /// failed (a failure to record is logged too). Returns whether the item is now parked.
    @discardableResult
    public func failed(_ work: String, item: String, _ error: any Error, at now: Date) async -> Bool {
        await failed(work, item: item, reason: "\(error)", at: now)
    }

    @discardableResult
    public func failed(_ work: String, item: String, reason: String, at now: Date) async -> Bool {
        let message = String(reason.prefix(1000))
        do {
            let rows = try await store.read(SQL("SELECT attempts FROM work_failures WHERE work = ? AND item = ?", bind: work, item))
            let attempts = (try rows.first?.integer("attempts") ?? 0) + 1
            let parked = attempts >= Self.parkAfter
            try await store.apply([.write(SQL(
                """
                INSERT INTO work_failures (work, item, attempts, last_error, first_failed_at, last_failed_at, parked)
                VALUES (?, ?, 1, ?, ?, ?, ?)
                ON CONFLICT (work, item) DO UPDATE SET attempts = work_failures.attempts + 1, last_error = excluded.last_error,
                    last_failed_at = excluded.last_failed_at,
                    parked = CASE WHEN work_failures.attempts + 1 >= ? THEN 1 ELSE 0 END
                """,
                bind: work, item, message, now.millisecondsSince1970, now.millisecondsSince1970, parked ? 1 : 0, Self.parkAfter))])
            if parked {
                logger.error("\(work) \(item) failed \(attempts) times and is parked for ops", metadata: ["error": "\(message)"])
            } else {
                logger.warning("\(work) \(item) failed (attempt \(attempts))", metadata: ["error": "\(message)"])
            }
            return parked
        } catch {
            logger.error("\(work) \(item) failed, and the failure could not be recorded: \(error)", metadata: ["error": "\(message)"])
            return false
        }
    }

    /// `item` worked: its past failures are forgotten.
    public func succeeded(_ work: String, item: String) async throws {
        try await store.apply([.write(SQL("DELETE FROM work_failures WHERE work = ? AND item = ?", bind: work, item))])
    }

    /// Ops: the change that tries a failing item again in its next round, with a fresh count
    /// of attempts (to commit with the caller's idempotency record); nil when nothing of that
    /// name is failing.
    public func retrying(_ work: String, item: String) async throws -> [Change]? {
        let rows = try await store.read(SQL("SELECT item FROM work_failures WHERE work = ? AND item = ?", bind: work, item))
        guard !rows.isEmpty else { return nil }
        logger.notice("\(work) \(item) released for another try by ops")
        return [.write(SQL("DELETE FROM work_failures WHERE work = ? AND item = ?", bind: work, item))]
    }

    /// Every failing item, parked first, the latest failure first.
    public func all(limit: Int = 500) async throws -> [WorkFailure] {
        try await store.read(SQL("SELECT * FROM work_failures ORDER BY parked DESC, last_failed_at DESC, work, item LIMIT ?", bind: limit))
            .map { row in
                WorkFailure(work: try row.text("work"), item: try row.text("item"), attempts: try row.integer("attempts"),
                            lastError: try row.text("last_error"),
                            firstFailedAt: Date(millisecondsSince1970: try row.integer("first_failed_at")),
                            lastFailedAt: Date(millisecondsSince1970: try row.integer("last_failed_at")), parked: try row.integer("parked") != 0)
            }
    }

    /// Per kind of work: failed attempts on record, items failing, items parked (for /metrics).
    public func totals() async throws -> [(work: String, attempts: Int64, failing: Int64, parked: Int64)] {
        try await store.read(SQL(
            """
            SELECT work, CAST(SUM(attempts) AS BIGINT) AS attempts, CAST(COUNT(*) AS BIGINT) AS failing,
                CAST(SUM(parked) AS BIGINT) AS parked
            FROM work_failures GROUP BY work ORDER BY work
            """)).map { (try $0.text("work"), try $0.integer("attempts"), try $0.integer("failing"), try $0.integer("parked")) }
    }
}
