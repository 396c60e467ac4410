/// What a store reports. Adapters translate their drivers' errors into these so that callers
/// and the command line can say one clear sentence about them.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A guarded change found the rows other than the decision expected; nothing was written.
    case conflict(String)
    case decoding(column: String, expected: String)
    case unreachable(String)
    case notADatabase(String)
    case schemaTooNew(database: Int, known: Int)
    case schemaBehind(database: Int, known: Int)
    case failed(String)

    public var description: String {
        switch self {
        case .conflict(let what): return "conflict: \(what)"
        case .decoding(let column, let expected): return "column \(column) does not hold \(expected)"
        case .unreachable(let what): return "cannot reach the database: \(what)"
        case .notADatabase(let what): return "not a usable SQLite database: \(what)"
        case .schemaTooNew(let database, let known):
            return "the database is at schema version \(database), newer than this program knows (\(known)); upgrade crossborder"
        case .schemaBehind(let database, let known):
            return "the database is at schema version \(database) but this program needs \(known); run 'crossborder migrate'"
        case .failed(let what): return what
        }
    }
}
