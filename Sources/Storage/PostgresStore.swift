import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO

/// The production store: PostgreSQL through postgres-nio's pooled client. Any number of
/// `serve` processes can share one database; guarded changes keep their decisions correct
/// (row locks taken by UPDATE … WHERE re-check the guard against the latest row).
///
/// Every write transaction first takes the database's write lock (`writeLock`, a
/// transaction-level advisory lock), so writes from all processes go one transaction at a
/// time, as on SQLite. Two batches from two processes took the same hot rows (a SKU, a
/// channel's ledger account, an order both declared) in different orders and deadlocked:
/// two `serve` processes made 45 orders/s against 277 for one, with 15 deadlocks in 15 s
/// (`bench checkout --servers 2`). One at a time, no two of our transactions can wait on each
/// other, and group commit keeps the batches large while one waits.
public final class PostgresStore: Store {
    public let kind = StoreKind.postgres
    let client: PostgresClient
    private let address: DatabaseURL.PostgresAddress
    private let logger: Logger
    private let metrics: any StoreMetrics

    public init(_ address: DatabaseURL.PostgresAddress, logger: Logger, metrics: any StoreMetrics = UnobservedStore(),
                maximumConnections: Int = 20) {
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.username,
            password: address.password, database: address.database, tls: PostgresStore.tls(address))
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = .seconds(5)
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.address = address
        self.logger = logger
        self.metrics = metrics
    }

    /// The client's TLS for the URL's `sslmode` and `sslrootcert`.
    static func tls(_ address: DatabaseURL.PostgresAddress) -> PostgresClient.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch address.tls {
        case .disable: return .disable
        case .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        if let file = address.rootCertificate { tls.trustRoots = .file(file) }
        return .require(tls)
    }

    /// Runs the connection pool until the surrounding task is cancelled.
    public func run() async { await client.run() }

    /// Fails with `StoreError.unreachable` unless the server answers within `timeout`.
    public func ping(timeout: Duration = .seconds(8)) async throws {
        let place = "\(address.host):\(address.port)/\(address.database)"
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { _ = try await self.read(SQL("SELECT 1 AS one")) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw StoreError.unreachable(
                    "no PostgreSQL answered at \(place) within \(timeout.components.seconds) seconds (is it running, and are the address and credentials right?)")
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    public func read(_ sql: SQL) async throws -> [Row] {
        let started = ContinuousClock.now
        defer { metrics.recordRead(kind: kind, seconds: started.secondsElapsed) }
        do {
            let rows = try await client.query(PostgresStore.query(sql), logger: logger)
            return try await PostgresStore.collect(rows)
        } catch {
            throw translate(error)
        }
    }

    /// The advisory lock every write transaction holds (`pg_advisory_xact_lock`); migrations
    /// take their own, 7340115.
    static let writeLock: Int64 = 7_340_116

    public func apply(_ changes: [Change]) async throws {
        let started = ContinuousClock.now
        do {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresStore.writeLock))", logger: logger)
                for change in changes {
                    let rows = try await connection.query(PostgresStore.query(change.sql), logger: logger)
                    let count = try await PostgresStore.collect(rows).count
                    if case .rows(let expected) = change.expectation, count != expected {
                        throw StoreError.conflict(change.conflict)
                    }
                }
            }
            metrics.recordTransaction(kind: kind, outcome: .committed, seconds: started.secondsElapsed, statements: changes.count)
        } catch {
            let translated = translate(error)
            let outcome: TransactionOutcome = if case StoreError.conflict = translated { .conflict } else { .failed }
            metrics.recordTransaction(kind: kind, outcome: outcome, seconds: started.secondsElapsed, statements: changes.count)
            throw translated
        }
    }

    /// A group commit's units in one round trip: every statement goes as text with its values
    /// written in as literals (`SQL.withPostgresLiterals`) to `crossborder_apply_units`, which
    /// runs each unit in a subtransaction of its own and checks the guards; the one statement
    /// is its own transaction and commits them all. Sent a statement at a time, with a
    /// savepoint and its release around each unit, a batch made some fifty round trips an
    /// order on one connection and ran slower than one transaction per order.
    public func applyEach(_ units: [[Change]]) async throws -> [(any Error)?] {
        let started = ContinuousClock.now
        do {
            var statements: [String] = []
            var expected: [Int64] = []
            var conflicts: [String] = []
            var ends: [Int64] = []
            for unit in units {
                for change in unit {
                    statements.append(try change.sql.withPostgresLiterals())
                    if case .rows(let count) = change.expectation { expected.append(Int64(count)) } else { expected.append(-1) }
                    conflicts.append(change.conflict)
                }
                ends.append(Int64(statements.count))
            }
            var binds = PostgresBindings(capacity: 4)
            binds.append(statements)
            binds.append(expected)
            binds.append(ends)
            binds.append(PostgresStore.writeLock)
            var listed: [String] = []
            // The write lock first: the materialised CTE is read, and the lock taken, before the
            // units run, in the same one-statement transaction.
            for try await row in try await client.query(
                PostgresQuery(unsafeSQL: """
                    WITH locked AS MATERIALIZED (SELECT pg_advisory_xact_lock($4))
                    SELECT crossborder_apply_units($1, $2, $3) FROM locked
                    """, binds: binds), logger: logger) {
                listed = try row.decode([String].self)
            }
            let outcomes = listed.map { outcome -> (any Error)? in
                guard !outcome.isEmpty else { return nil }
                let state = String(outcome.prefix(while: { $0 != " " }))
                let message = String(outcome.dropFirst(state.count + 1))
                if state == "CB001", let number = Int(message), conflicts.indices.contains(number - 1) {
                    return StoreError.conflict(conflicts[number - 1])
                }
                return PostgresStore.translate(state: state, message: message)
            }
            guard outcomes.count == units.count else {
                throw StoreError.failed("PostgreSQL: \(outcomes.count) outcomes for \(units.count) units")
            }
            metrics.recordTransaction(kind: kind, outcome: .committed, seconds: started.secondsElapsed,
                                      statements: units.reduce(0) { $0 + $1.count })
            return outcomes
        } catch {
            metrics.recordTransaction(kind: kind, outcome: .failed, seconds: started.secondsElapsed, statements: 0)
            throw translate(error)
        }
    }

    public func migrate() async throws -> [Int] {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                // One migrator at a time when several servers start together.
                try await connection.query("SELECT pg_advisory_xact_lock(7340115)", logger: logger)
                try await connection.query(PostgresQuery(unsafeSQL: Migrations.bookkeeping), logger: logger)
                let applied = try await PostgresStore.collect(
                    connection.query("SELECT version FROM schema_migrations", logger: logger)
                ).map { try $0.integer("version") }
                let steps = try Migrations.plan(applied: applied)
                for step in steps {
                    for statement in step.statements(.postgres) {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query(PostgresStore.query(Migrations.record(step)), logger: logger)
                }
                return steps.map(\.version)
            }
        } catch {
            throw translate(error)
        }
    }

    public func schemaVersion() async throws -> Int {
        let exists = try await read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"))
        guard try exists.first?.integer("n") == 1 else { return 0 }
        let rows = try await read(SQL("SELECT CAST(COALESCE(MAX(version), 0) AS BIGINT) AS v FROM schema_migrations"))
        return Int(try rows.first?.integer("v") ?? 0)
    }

    public func close() async {}

    static func query(_ sql: SQL) -> PostgresQuery {
        var binds = PostgresBindings(capacity: sql.bindings.count)
        for value in sql.bindings {
            switch value {
            case .null: binds.appendNull()
            case .integer(let integer): binds.append(integer)
            case .text(let text): binds.append(text)
            case .blob(let bytes): binds.append(ByteBuffer(bytes: bytes))
            }
        }
        return PostgresQuery(unsafeSQL: sql.numberedPlaceholders, binds: binds)
    }

    static func collect(_ rows: PostgresRowSequence) async throws -> [Row] {
        var result: [Row] = []
        for try await row in rows {
            var columns: [String] = []
            var values: [SQLValue] = []
            for cell in row {
                columns.append(cell.columnName)
                values.append(try SQLValue(cell))
            }
            result.append(Row(columns: columns, values: values))
        }
        return result
    }

    private static func translate(state: String, message: String) -> StoreError {
        // Class 23 is integrity constraint violation; 40001/40P01 serialization and deadlock.
        if state.hasPrefix("23") || state == "40001" || state == "40P01" { return .conflict(message) }
        return .failed("PostgreSQL \(state): \(message)")
    }

    private func translate(_ error: any Error) -> any Error {
        if let storeError = error as? StoreError { return storeError }
        if let transaction = error as? PostgresTransactionError {
            if let inner = transaction.closureError { return translate(inner) }
            if let inner = transaction.beginError ?? transaction.commitError { return translate(inner) }
        }
        guard let psql = error as? PSQLError else { return StoreError.failed("PostgreSQL: \(error)") }
        if let state = psql.serverInfo?[.sqlState] {
            return PostgresStore.translate(state: state, message: psql.serverInfo?[.message] ?? state)
        }
        if psql.code == .connectionError || psql.code == .serverClosedConnection || psql.code == .clientClosedConnection {
            let cause = psql.underlying.map { "\($0)" } ?? "\(psql.code)"
            return StoreError.unreachable("\(address.host):\(address.port): \(cause)")
        }
        return StoreError.failed("PostgreSQL: \(String(reflecting: psql))")
    }
}

extension SQLValue {
    init(_ cell: PostgresCell) throws {
        guard cell.bytes != nil else { self = .null; return }
        switch cell.dataType {
        case .int2, .int4, .int8: self = .integer(try cell.decode(Int64.self))
        case .bool: self = .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .bytea:
            var buffer = try cell.decode(ByteBuffer.self)
            self = .blob(buffer.readBytes(length: buffer.readableBytes) ?? [])
        case .numeric:
            // SUM over BIGINT yields NUMERIC; the schema keeps whole numbers only.
            let text = try cell.decode(String.self)
            guard let integer = Int64(text) else { throw StoreError.decoding(column: cell.columnName, expected: "integer") }
            self = .integer(integer)
        default: self = .text(try cell.decode(String.self))
        }
    }
}
