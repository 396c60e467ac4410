/// The one storage interface. Two adapters implement it, SQLite (embedded, GRDB) and
/// PostgreSQL (postgres-nio), and one conformance suite holds both to the same behaviour.
///
/// Writes go through `apply`: a unit of work is a list of changes committed in one
/// transaction, all or nothing, acknowledged only once the commit is durable.
public protocol Store: Sendable {
    var kind: StoreKind { get }

    /// Rows of one query, read outside any write transaction.
    func read(_ sql: SQL) async throws -> [Row]

    /// Applies every change in one transaction. A guarded change whose expectation fails rolls
    /// the whole unit back and throws `StoreError.conflict`.
    func apply(_ changes: [Change]) async throws

    /// Applies independent units of work in one transaction, each in its own savepoint: a unit
    /// that fails rolls back alone and its error is returned in its place (nil: it holds); the
    /// rest commit together, and nothing is reported before that one commit is durable. Throws
    /// when the transaction itself fails — then no unit was applied.
    func applyEach(_ units: [[Change]]) async throws -> [(any Error)?]

    /// Brings the schema to the newest migration this program knows; returns the versions applied.
    @discardableResult
    func migrate() async throws -> [Int]

    /// The schema version the database is at (0 before any migration).
    func schemaVersion() async throws -> Int

    /// Lets go of connections and files.
    func close() async
}

public enum StoreKind: String, Sendable {
    case sqlite
    case postgres
}

extension Store {
    /// One unit of work with its decision: `decide` reads what it needs through the store and
    /// returns the changes and the result; a conflict (someone changed a guarded row between
    /// the read and the commit) runs the whole thing again, up to `attempts` times.
    public func transact<Result: Sendable>(
        attempts: Int = 5,
        _ decide: (any Store) async throws -> (changes: [Change], result: Result)
    ) async throws -> Result {
        var attempt = 1
        while true {
            let decision = try await decide(self)
            do {
                try await apply(decision.changes)
                return decision.result
            } catch StoreError.conflict where attempt < attempts {
                attempt += 1
            }
        }
    }

    /// Fails unless the database is at exactly the schema this program knows.
    public func requireCurrentSchema() async throws {
        let version = try await schemaVersion()
        let known = Migrations.latestVersion
        if version > known { throw StoreError.schemaTooNew(database: version, known: known) }
        if version < known { throw StoreError.schemaBehind(database: version, known: known) }
    }
}
