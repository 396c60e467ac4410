import Foundation
import Storage

/// Background work divided, not duplicated: with several `serve` processes on one database,
/// each round claims the items it is about to work on, and works only on those it got. A claim
/// is a lease: it runs out after `term`, so the items of a process that died are taken up by
/// another a minute later. Two processes' rounds otherwise both declared the same orders, and
/// one of them lost every race to the other (`bench checkout --servers 2`).
public struct WorkLeases: Sendable {
    /// How long a claim holds: well beyond a round (a second or two), so that a slow round
    /// keeps its items.
    public static let term: TimeInterval = 60
    /// This process, for as long as it runs.
    public static let thisProcess = "p-" + UUID().uuidString.lowercased()

    let store: any Store
    let holder: String

    public init(store: any Store, holder: String = WorkLeases.thisProcess) {
        self.store = store
        self.holder = holder
    }

    /// Claims `items` of `work` for this holder; returns those it holds now (free, run out, or
    /// its own already), in the order given.
    public func claim(_ work: String, _ items: [String], at now: Date) async throws -> [String] {
        guard !items.isEmpty else { return [] }
        let until = (now + Self.term).millisecondsSince1970
        let unique = Array(Set(items))
        for start in stride(from: 0, to: unique.count, by: Self.chunk) {
            let chunk = unique[start..<min(unique.count, start + Self.chunk)]
            try await store.apply([.write(SQL(
                """
                INSERT INTO work_leases (work, item, holder, expires_at) VALUES \(Array(repeating: "(?, ?, ?, ?)", count: chunk.count).joined(separator: ", "))
                ON CONFLICT (work, item) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE work_leases.expires_at <= ? OR work_leases.holder = excluded.holder
                """,
                chunk.flatMap { [work.sqlValue, $0.sqlValue, holder.sqlValue, until.sqlValue] } + [now.millisecondsSince1970.sqlValue]))])
        }
        var held = Set<String>()
        for start in stride(from: 0, to: unique.count, by: Self.chunk) {
            let chunk = unique[start..<min(unique.count, start + Self.chunk)]
            held.formUnion(try await store.read(SQL(
                "SELECT item FROM work_leases WHERE work = ? AND holder = ? AND item IN (\(SQL.placeholders(chunk.count)))",
                [work.sqlValue, holder.sqlValue] + chunk.map { $0.sqlValue })).map { try $0.text("item") })
        }
        return items.filter(held.contains)
    }

    /// Lets go of `items`: done, or failed and recorded (`WorkFailures`), they are free for
    /// the next round of any process. Leases that ran out a term ago go too, with them.
    public func release(_ work: String, _ items: [String], at now: Date) async throws {
        // An idle round writes nothing: a commit a second per kind of work, for nothing.
        guard !items.isEmpty else { return }
        var changes: [Change] = stride(from: 0, to: items.count, by: Self.chunk).map { start in
            let chunk = items[start..<min(items.count, start + Self.chunk)]
            return .write(SQL("DELETE FROM work_leases WHERE work = ? AND holder = ? AND item IN (\(SQL.placeholders(chunk.count)))",
                              [work.sqlValue, holder.sqlValue] + chunk.map { $0.sqlValue }))
        }
        changes.append(.write(SQL("DELETE FROM work_leases WHERE expires_at <= ?", bind: (now - Self.term).millisecondsSince1970)))
        try await store.apply(changes)
    }

    /// Items per statement: four values each, well inside both databases' parameter limits.
    static let chunk = 500
}
