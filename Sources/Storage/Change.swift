/// One write of a unit of work, with what it must find for the decision behind it to still
/// hold. A guarded change ends in `RETURNING …`; the store counts the rows it returns, and
/// if the count is not the expected one the whole unit rolls back with `StoreError.conflict`.
///
/// This is how a decision made on rows read a moment earlier stays correct under concurrency:
/// `UPDATE skus SET reserved = reserved + 2 WHERE id = ? AND on_hand - reserved >= 2 RETURNING id`
/// expecting one row either still holds or sinks the unit, on SQLite and PostgreSQL alike.
public struct Change: Sendable, Hashable {
    public enum Expectation: Sendable, Hashable {
        case any
        case rows(Int)
    }

    public let sql: SQL
    public let expectation: Expectation
    /// What it means when the expectation fails, for the error a caller sees.
    public let conflict: String

    public static func write(_ sql: SQL) -> Change {
        Change(sql: sql, expectation: .any, conflict: "")
    }

    /// A write that must return exactly `rows` rows through its RETURNING clause.
    public static func guarded(_ sql: SQL, rows: Int = 1, conflict: String) -> Change {
        Change(sql: sql, expectation: .rows(rows), conflict: conflict)
    }
}
