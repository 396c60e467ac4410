/// Group commit: units of work that arrive while a commit is under way wait and go together
/// into the next transaction, each in its own savepoint (`Store.applyEach`). Under load one
/// durable commit acknowledges many writes instead of one; alone, a unit commits at once, as
/// before. Each caller still gets its own outcome — a unit whose guard fails rolls back alone
/// and throws to its caller only — and is answered only after the commit that holds it.
public struct GroupCommitStore: Store {
    public let base: any Store
    private let queue: CommitQueue

    /// `batch`: most units in one transaction; `inFlight`: transactions under way at once (more
    /// than one made PostgreSQL batches wait on each other's row locks; SQLite writes one at a
    /// time anyway).
    public init(_ base: any Store, batch: Int = 256, inFlight: Int = 1) {
        self.base = base
        queue = CommitQueue(base: base, batch: max(1, batch), inFlight: max(1, inFlight))
    }

    public var kind: StoreKind { base.kind }
    public func read(_ sql: SQL) async throws -> [Row] { try await base.read(sql) }

    public func apply(_ changes: [Change]) async throws {
        guard !changes.isEmpty else { return }
        try await queue.submit(changes)
    }

    public func applyEach(_ units: [[Change]]) async throws -> [(any Error)?] { try await base.applyEach(units) }
    public func migrate() async throws -> [Int] { try await base.migrate() }
    public func schemaVersion() async throws -> Int { try await base.schemaVersion() }
    public func close() async { await base.close() }
}

/// The waiting units and the transactions under way.
private actor CommitQueue {
    let base: any Store
    let batch: Int
    let inFlight: Int
    private var waiting: [(changes: [Change], reply: CheckedContinuation<Void, any Error>)] = []
    private var running = 0

    init(base: any Store, batch: Int, inFlight: Int) {
        self.base = base
        self.batch = batch
        self.inFlight = inFlight
    }

    func submit(_ changes: [Change]) async throws {
        try await withCheckedThrowingContinuation { (reply: CheckedContinuation<Void, any Error>) in
            waiting.append((changes, reply))
            startNext()
        }
    }

    private func startNext() {
        guard running < inFlight, !waiting.isEmpty else { return }
        let units = Array(waiting.prefix(batch))
        waiting.removeFirst(units.count)
        running += 1
        let base = self.base
        Task {
            do {
                let outcomes = try await base.applyEach(units.map(\.changes))
                for (unit, outcome) in zip(units, outcomes) {
                    if let outcome { unit.reply.resume(throwing: outcome) } else { unit.reply.resume() }
                }
            } catch {
                for unit in units { unit.reply.resume(throwing: error) }
            }
            self.finished()
        }
    }

    private func finished() {
        running -= 1
        startNext()
    }
}
