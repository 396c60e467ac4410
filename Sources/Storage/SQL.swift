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

    /// The text with `?` placeholders numbered `$1`, `$2` … for PostgreSQL.
    var numberedPlaceholders: String {
        replacingPlaceholders { number, result in
            result.append(UInt8(ascii: "$"))
            result += String(number + 1).utf8
        }
    }

    /// The text with each `?` replaced by its binding written as a PostgreSQL literal, for
    /// statements sent together as text (`PostgresStore.applyEach`). Text becomes an escape
    /// string with its backslashes and quotes doubled, so nothing in it can end the literal;
    /// a negative number is parenthesised, so that its sign never meets a minus as a comment.
    func withPostgresLiterals() throws(StoreError) -> String {
        var placeholders = 0
        let written = replacingPlaceholders { number, result in
            placeholders += 1
            if number < bindings.count { result += bindings[number].postgresLiteral.utf8 }
        }
        guard placeholders == bindings.count else {
            throw .failed("a statement has \(placeholders) placeholders and \(bindings.count) bindings: \(text)")
        }
        return written
    }

    /// Walks the text, handing each `?` outside quoted literals and identifiers to `write`
    /// with its number from 0.
    /// Works on UTF-8 bytes: walking the text by Character was 5 % of the server's CPU on
    /// PostgreSQL (`bench checkout`), and the three bytes it looks for are ASCII, which never
    /// occur inside a multi-byte character.
    private func replacingPlaceholders(_ write: (_ number: Int, _ result: inout [UInt8]) -> Void) -> String {
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
                write(number, &result)
                number += 1
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension SQLValue {
    /// This value as a PostgreSQL literal (see `SQL.withPostgresLiterals`).
    var postgresLiteral: String {
        switch self {
        case .null: return "NULL"
        case .integer(let integer): return integer < 0 ? "(\(integer))" : String(integer)
        case .text(let text):
            var escaped = "E'"
            for scalar in text.unicodeScalars {
                if scalar == "\\" || scalar == "'" { escaped.unicodeScalars.append(scalar) }
                escaped.unicodeScalars.append(scalar)
            }
            return escaped + "'"
        case .blob(let bytes):
            return "decode('" + Hex.lowercase(bytes) + "', 'hex')"
        }
    }
}
