import Foundation

/// RFC 4180 CSV: comma-separated fields, double quotes around fields that hold commas, quotes
/// or line breaks, a quote inside written twice. Rows keep their line numbers so that an
/// importer can say where a problem is.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line of the file where the row starts.
        public let line: Int
        public let fields: [String]
    }

    public let header: [String]
    public let rows: [Row]

    public struct Malformed: Error, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break.
    public static func field(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    public init(parsing text: String) throws(Malformed) {
        var records: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
        var characters = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let held = pending { pending = nil; return held }
            return characters.next()
        }
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) { records.append(Row(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            fieldWasQuoted = false
        }
        while let character = next() {
            if quoted {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { quoted = false; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                guard field.isEmpty else { throw Malformed(line: line, message: "a quote inside an unquoted field") }
                quoted = true
                fieldWasQuoted = true
            case ",":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                guard !fieldWasQuoted else { throw Malformed(line: line, message: "text after a closing quote") }
                field.append(character)
            }
        }
        guard !quoted else { throw Malformed(line: recordLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        guard let first = records.first else { throw Malformed(line: 1, message: "the file is empty") }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        rows = Array(records.dropFirst())
        for row in rows where row.fields.count != header.count {
            throw Malformed(line: row.line, message: "expected \(header.count) fields, found \(row.fields.count)")
        }
    }
}
