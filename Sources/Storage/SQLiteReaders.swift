import Foundation
import GRDBSQLite

/// Read-only connections to the store's file, used through SQLite's C API. Through GRDB's
/// pool every read first ran `PRAGMA schema_version` (a second statement, with a read
/// transaction of its own), then took a read-write lock and a dispatch queue: a primary-key
/// lookup cost 65–145 µs of CPU, and reads were a quarter of the server's CPU in `bench
/// checkout` (per-thread CPU time around each read; `perf record --call-graph dwarf`). A read
/// takes an idle connection (opening one if none is idle, so that no read waits for
/// another), runs its statement, prepared once per connection, and gives it back.
final class SQLiteReaders: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var idle: [SQLiteReader] = []
    private var closed = false

    init(path: String) {
        self.path = path
    }

    /// One statement, its own snapshot: no BEGIN and COMMIT around it.
    func read(_ sql: SQL) throws -> [Row] {
        let reader = try take()
        defer { giveBack(reader) }
        return try reader.read(sql)
    }

    func close() {
        lock.lock()
        closed = true
        let readers = idle
        idle = []
        lock.unlock()
        for reader in readers { reader.close() }
    }

    private func take() throws -> SQLiteReader {
        lock.lock()
        if closed {
            lock.unlock()
            throw StoreError.unreachable("\(path): the store is closed")
        }
        if let reader = idle.popLast() {
            lock.unlock()
            return reader
        }
        lock.unlock()
        return try SQLiteReader(path: path)
    }

    private func giveBack(_ reader: SQLiteReader) {
        lock.lock()
        if closed {
            lock.unlock()
            reader.close()
            return
        }
        idle.append(reader)
        lock.unlock()
    }
}

/// One read-only connection with its prepared statements; used by one thread at a time.
private final class SQLiteReader {
    private let handle: OpaquePointer
    private let statements: SQLiteStatements

    init(path: String) throws {
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(opened)
            throw SQLiteStore.translate(code: code, message: message, path: path)
        }
        handle = opened
        sqlite3_busy_timeout(handle, 10_000)
        statements = SQLiteStatements(handle: opened, path: path)
    }

    func read(_ sql: SQL) throws -> [Row] {
        try statements.rows(sql)
    }

    func close() {
        statements.finalizeAll()
        sqlite3_close_v2(handle)
    }
}

/// Statements on one connection, prepared once and kept, bound and stepped through SQLite's C
/// API; used by one thread at a time (a reader's, or the writer's inside its queue). Through
/// GRDB, every write first turned its values into `StatementArguments` of boxed existentials
/// and every guarded write built the rows it only had to count (7 % of `bench ledger`).
final class SQLiteStatements: @unchecked Sendable {
    /// Statements kept per connection; past this (IN lists of many lengths) they are all
    /// finalised and prepared again as needed.
    static let mostStatements = 256
    private let handle: OpaquePointer
    private let path: String
    private var statements: [String: OpaquePointer] = [:]

    init(handle: OpaquePointer, path: String) {
        self.handle = handle
        self.path = path
    }

    /// Every row the statement returns.
    func rows(_ sql: SQL) throws -> [Row] {
        try running(sql) { statement in
            let count = sqlite3_column_count(statement)
            let columns = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
            var rows: [Row] = []
            while try step(statement) {
                rows.append(Row(columns: columns, values: (0..<count).map { column(at: $0, of: statement) }))
            }
            return rows
        }
    }

    /// How many rows the statement returns (a write's RETURNING clause), without reading them.
    func count(_ sql: SQL) throws -> Int {
        try running(sql) { statement in
            var count = 0
            while try step(statement) { count += 1 }
            return count
        }
    }

    func finalizeAll() {
        for statement in statements.values { sqlite3_finalize(statement) }
        statements = [:]
    }

    private func running<Result>(_ sql: SQL, _ body: (OpaquePointer) throws -> Result) throws -> Result {
        let statement = try prepared(sql.text)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        guard Int(sqlite3_bind_parameter_count(statement)) == sql.bindings.count else {
            throw StoreError.failed("SQLite: \(sql.bindings.count) values for \(sqlite3_bind_parameter_count(statement)) placeholders in \(sql.text)")
        }
        for (index, value) in sql.bindings.enumerated() {
            try check(bind(value, at: Int32(index + 1), in: statement))
        }
        return try body(statement)
    }

    /// True while there is a row; false once done.
    private func step(_ statement: OpaquePointer) throws -> Bool {
        let code = sqlite3_step(statement)
        if code == SQLITE_DONE { return false }
        try check(code == SQLITE_ROW ? SQLITE_OK : code)
        return true
    }

    private func prepared(_ text: String) throws -> OpaquePointer {
        if let statement = statements[text] { return statement }
        if statements.count >= Self.mostStatements { finalizeAll() }
        var statement: OpaquePointer?
        try check(sqlite3_prepare_v3(handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil))
        guard let statement else { throw StoreError.failed("SQLite: no statement in \(text)") }
        statements[text] = statement
        return statement
    }

    private func bind(_ value: SQLValue, at position: Int32, in statement: OpaquePointer) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(statement, position)
        case .integer(let integer):
            return sqlite3_bind_int64(statement, position, integer)
        case .text(let text):
            // With its length, so that the whole text is bound; the C string's terminator
            // gives an empty text a pointer, without which SQLite would bind NULL.
            let bytes = text.utf8CString
            return bytes.withUnsafeBufferPointer { sqlite3_bind_text(statement, position, $0.baseAddress, Int32($0.count - 1), transient) }
        case .blob(let bytes):
            guard !bytes.isEmpty else { return sqlite3_bind_zeroblob(statement, position, 0) }
            return bytes.withUnsafeBytes { sqlite3_bind_blob(statement, position, $0.baseAddress, Int32($0.count), transient) }
        }
    }

    private func column(at index: Int32, of statement: OpaquePointer) -> SQLValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_NULL:
            return .null
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT:
            // The schema holds no REAL columns; an expression that yields one is read as its text.
            return .text(String(sqlite3_column_double(statement, index)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard count > 0, let bytes = sqlite3_column_blob(statement, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard count > 0, let text = sqlite3_column_text(statement, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw SQLiteStore.translate(code: code, message: String(cString: sqlite3_errmsg(handle)), path: path)
        }
    }
}

/// SQLite copies what is bound before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
