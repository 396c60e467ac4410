import Logging

/// Opens the store a URL names, runs `body` with it, and lets go of it afterwards. For
/// PostgreSQL this also runs the connection pool and fails fast, with one clear error, when
/// the server does not answer.
public func withStore<T: Sendable>(
    _ url: DatabaseURL, logger: Logger, metrics: any StoreMetrics = UnobservedStore(),
    _ body: (any Store) async throws -> T
) async throws -> T {
    switch url {
    case .sqlite(let path):
        let store = try SQLiteStore(path: path, metrics: metrics)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    case .postgres(let address):
        // The pool logs every failed connection attempt at info; a person needs only the outcome.
        var poolLogger = logger
        poolLogger.logLevel = max(logger.logLevel, .warning)
        let store = PostgresStore(address, logger: poolLogger, metrics: metrics)
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask { await store.run() }
            defer { group.cancelAll() }
            try await store.ping()
            return try await body(store)
        }
    }
}
