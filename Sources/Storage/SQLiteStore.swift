import Foundation
import GRDB
import Synchronization

/// The embedded store: one SQLite file in WAL mode (one writer, many readers), fsync on every
/// commit (synchronous=FULL) so that an acknowledged write survives a crash.
public final class SQLiteStore: Store {
    public let kind = StoreKind.sqlite
    public let path: String
    private let pool: DatabasePool
    private let readers: SQLiteReaders
    private let checkpointer: WALCheckpointer
    private let metrics: any StoreMetrics
    private let writer = Mutex<SQLiteStatements?>(nil)

    /// The database holds personal data (sealed, but with its shape and sums in the clear):
    /// it is created readable and writable by its owner alone, and an existing one, with its
    /// write-ahead log and shared memory, is brought down to that. SQLite gives the log and
    /// shared-memory files it creates the database file's own permissions.
    static func restrictToOwner(_ path: String) throws {
        let files = FileManager.default
        if !files.fileExists(atPath: path) {
            guard files.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw StoreError.unreachable("cannot create the database file \(path)")
            }
        }
        for file in [path, path + "-wal", path + "-shm"] where files.fileExists(atPath: file) {
            try? files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
    }

    public init(path: String, metrics: any StoreMetrics = UnobservedStore()) throws {
        self.path = path
        self.metrics = metrics
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try SQLiteStore.restrictToOwner(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Each unit of a group commit runs in a savepoint, and SQLite keeps the pages a
            // savepoint may have to restore in a temporary file once past 64 KiB: a quarter of
            // the writer's page writes went to /var/tmp (strace on `bench checkout`).
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // 64 MiB of page cache for the writer: index inserts at random places (the ledger's
            // by-account indexes) otherwise re-read their pages on every batch. Readers keep
            // SQLite's 2 MiB and lean on the OS page cache: with 64 MiB each, the server's memory
            // grew by the cache of every reader as the database grew (bench checkout, 10 minutes).
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -65536")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(WALCheckpointer.writerBackstopPages)")
            }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            _ = try pool.read { db in try Int64.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            checkpointer = try WALCheckpointer(path: path)
            readers = SQLiteReaders(path: path)
        } catch let error as DatabaseError {
            throw SQLiteStore.translate(error, path: path)
        }
    }

    /// A read runs on the calling thread: it is CPU work on pages in memory, and handing it to
    /// a reader's queue and back cost two thread wake-ups per query (`bench checkout`, futex
    /// calls). `SQLiteReaders` has the connections.
    public func read(_ sql: SQL) async throws -> [Row] {
        let started = ContinuousClock.now
        defer { metrics.recordRead(kind: kind, seconds: started.secondsElapsed) }
        return try readers.read(sql)
    }

    public func apply(_ changes: [Change]) async throws {
        let started = ContinuousClock.now
        do {
            try await pool.write { db in
                for change in changes { try self.run(change, in: db) }
            }
            metrics.recordTransaction(kind: kind, outcome: .committed, seconds: started.secondsElapsed, statements: changes.count)
        } catch {
            let translated = (error as? DatabaseError).map { SQLiteStore.translate($0, path: path) } ?? error
            let outcome: TransactionOutcome = if case StoreError.conflict = translated { .conflict } else { .failed }
            metrics.recordTransaction(kind: kind, outcome: outcome, seconds: started.secondsElapsed, statements: changes.count)
            throw translated
        }
    }

    public func applyEach(_ units: [[Change]]) async throws -> [(any Error)?] {
        let started = ContinuousClock.now
        let path = self.path
        do {
            let outcomes: [(any Error)?] = try await pool.write { db in
                var outcomes: [(any Error)?] = []
                outcomes.reserveCapacity(units.count)
                for unit in units {
                    do {
                        try db.inSavepoint {
                            for change in unit { try self.run(change, in: db) }
                            return .commit
                        }
                        outcomes.append(nil)
                    } catch {
                        outcomes.append((error as? DatabaseError).map { SQLiteStore.translate($0, path: path) } ?? error)
                    }
                }
                return outcomes
            }
            metrics.recordTransaction(kind: kind, outcome: .committed, seconds: started.secondsElapsed,
                                      statements: units.reduce(0) { $0 + $1.count })
            return outcomes
        } catch {
            metrics.recordTransaction(kind: kind, outcome: .failed, seconds: started.secondsElapsed, statements: 0)
            throw (error as? DatabaseError).map { SQLiteStore.translate($0, path: path) } ?? error
        }
    }

    public func migrate() async throws -> [Int] {
        try await pool.write { db in
            try db.execute(sql: Migrations.bookkeeping)
            let applied = try Int64.fetchAll(db, sql: "SELECT version FROM schema_migrations")
            let steps = try Migrations.plan(applied: applied)
            for step in steps {
                for statement in step.statements(.sqlite) { try db.execute(sql: statement) }
                try self.run(.write(Migrations.record(step)), in: db)
            }
            return steps.map(\.version)
        }
    }

    public func schemaVersion() async throws -> Int {
        try await pool.read { db in
            guard try db.tableExists("schema_migrations") else { return 0 }
            return Int(try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(version), 0) FROM schema_migrations") ?? 0)
        }
    }

    deinit {
        checkpointer.stop()
        readers.close()
    }

    public func close() async {
        checkpointer.stop()
        readers.close()
        // Closed with no write under way: the writer's statements go before its connection.
        writer.withLock { statements in
            statements?.finalizeAll()
            statements = nil
        }
        try? pool.close()
    }

    /// One change on the writer's connection, through its own prepared statements (see
    /// `SQLiteStatements`); a guarded change counts the rows its RETURNING clause gives.
    func run(_ change: Change, in db: Database) throws {
        let statements = try writerStatements(db)
        switch change.expectation {
        case .any:
            _ = try statements.count(change.sql)
        case .rows(let expected):
            guard try statements.count(change.sql) == expected else { throw StoreError.conflict(change.conflict) }
        }
    }

    /// The writer's statements, made on its first write: writes run one at a time on the
    /// pool's one writer connection, so one cache serves them all.
    private func writerStatements(_ db: Database) throws -> SQLiteStatements {
        try writer.withLock { made in
            if let made { return made }
            guard let connection = db.sqliteConnection else { throw StoreError.unreachable("\(path): the writer is closed") }
            let statements = SQLiteStatements(handle: connection, path: path)
            made = statements
            return statements
        }
    }

    static func translate(_ error: DatabaseError, path: String) -> any Error {
        translate(code: error.resultCode.rawValue, message: error.message, path: path)
    }

    /// `code`: an SQLite result code, primary or extended.
    static func translate(code: Int32, message: String?, path: String) -> StoreError {
        switch ResultCode(rawValue: code).primaryResultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase("\(path): \(message ?? "file is not a database")")
        case .SQLITE_CONSTRAINT: return .conflict(message ?? "constraint violated")
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM: return .unreachable("\(path): \(message ?? "cannot open")")
        default: return .failed("SQLite: \(message ?? "result code \(code)")")
        }
    }
}

extension ContinuousClock.Instant {
    /// Seconds since this instant, for latency metrics and benchmarks.
    public var secondsElapsed: Double {
        let elapsed = ContinuousClock.now - self
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
