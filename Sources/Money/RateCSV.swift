import Foundation

/// Reads exchange rates from CSV with the header `base,quote,rate,as_of,source`, e.g.
/// `USD,CNY,7.1180,2026-11-23T08:00:00Z,PBoC central parity`. Every problem names its row and
/// column; one bad row rejects the file, so that nothing is half-imported.
public enum RateCSV {
    public static let header = ["base", "quote", "rate", "as_of", "source"]

    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let row: Int
        public let column: String
        public let message: String
        public var description: String { "row \(row), column \(column): \(message)" }
    }

    public static func parse(_ text: String) throws(Problem) -> [ExchangeRate] {
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch {
            throw Problem(row: error.line, column: error.line == 1 ? "header" : "*", message: error.message)
        }
        guard table.header == header else {
            throw Problem(row: 1, column: "header", message: "expected '\(header.joined(separator: ","))'")
        }
        return try table.rows.map { row throws(Problem) in try parseRow(row.fields, row: row.line) }
    }

    static func parseRow(_ raw: [String], row: Int) throws(Problem) -> ExchangeRate {
        let fields = raw.map { $0.trimmingCharacters(in: .whitespaces) }
        func field<T>(_ column: Int, _ read: (String) throws(MoneyError) -> T) throws(Problem) -> T {
            do { return try read(fields[column]) } catch {
                throw Problem(row: row, column: header[column], message: error.description)
            }
        }
        let base = try field(0) { text throws(MoneyError) in try Currency(code: text) }
        let quote = try field(1) { text throws(MoneyError) in try Currency(code: text) }
        let rate = try field(2) { text throws(MoneyError) in try ExactDecimal(parsing: text) }
        guard let asOf = ISO8601DateFormatter().date(from: fields[3]) else {
            throw Problem(row: row, column: "as_of", message: "'\(fields[3])' is not an ISO 8601 time such as 2026-11-23T08:00:00Z")
        }
        guard !fields[4].isEmpty else { throw Problem(row: row, column: "source", message: "a rate needs its source") }
        guard base != quote else { throw Problem(row: row, column: "quote", message: "base and quote are both \(base.code)") }
        return try field(2) { _ throws(MoneyError) in
            try ExchangeRate(base: base, quote: quote, rate: rate, source: fields[4], asOf: asOf)
        }
    }
}
