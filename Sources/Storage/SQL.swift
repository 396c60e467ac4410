/// A value that crosses into or out of a database. Money, counts and times are integers
/// (minor units, milliseconds since 1970); text is text; nothing is stored as floating point.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])
}

/// One statement with `?` placeholders, written once for both databases: the PostgreSQL
/// adapter numbers the placeholders ($1, $2 …) itself.
public struct SQL: Sendable, Hashable, CustomStringConvertible {
    public var text: String
    public var bindings: [SQLValue]

    public init(_ text: String, _ bindings: [SQLValue] = []) {
        self.text = text
        self.bindings = bindings
    }

    public var description: String { text }
}

/// Types that can be bound to a statement.
public protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension Int64: SQLBindable { public var sqlValue: SQLValue { .integer(self) } }
extension Int: SQLBindable { public var sqlValue: SQLValue { .integer(Int64(self)) } }
extension String: SQLBindable { public var sqlValue: SQLValue { .text(self) } }
extension Bool: SQLBindable { public var sqlValue: SQLValue { .integer(self ? 1 : 0) } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension SQL {
    /// `SQL("… WHERE id = ?", bind: id)` without spelling out the SQLValue cases.
    public init(_ text: String, bind values: any SQLBindable...) {
        // A closure, not `\.sqlValue`: a key path through the existential was built at run
        // time on every statement (2 % of the server's CPU in `bench checkout`).
        self.init(text, values.map { $0.sqlValue })
    }

    /// "?, ?, ?" for an IN list of `count` values; callers skip the query for an empty list,
    /// since `IN ()` is not SQL.
    public static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// The text with `?` placeholders numbered `$1`, `$2` … for PostgreSQL. Question marks
    /// inside quoted literals and identifiers are left as they are.
    /// Works on UTF-8 bytes: walking the text by Character was 5 % of the server's CPU on
    /// PostgreSQL (`bench checkout`), and the three bytes it looks for are ASCII, which never
    /// occur inside a multi-byte character.
    var numberedPlaceholders: String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        var number = 0
        var quote: UInt8?
        for byte in text.utf8 {
            if let open = quote {
                if byte == open { quote = nil }
                result.append(byte)
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
                result.append(byte)
            } else if byte == UInt8(ascii: "?") {
                number += 1
                result.append(UInt8(ascii: "$"))
                result += String(number).utf8
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
