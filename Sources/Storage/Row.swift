/// One result row, by column name, the same whichever database produced it.
public struct Row: Sendable, Hashable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    public subscript(_ column: String) -> SQLValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }

    public func integer(_ column: String) throws(StoreError) -> Int64 {
        guard case .integer(let value) = self[column] else { throw .decoding(column: column, expected: "integer") }
        return value
    }

    public func text(_ column: String) throws(StoreError) -> String {
        guard case .text(let value) = self[column] else { throw .decoding(column: column, expected: "text") }
        return value
    }

    public func optionalText(_ column: String) throws(StoreError) -> String? {
        if case .null = self[column] { return nil }
        return try text(column)
    }

    public func optionalInteger(_ column: String) throws(StoreError) -> Int64? {
        if case .null = self[column] { return nil }
        return try integer(column)
    }

    public func bool(_ column: String) throws(StoreError) -> Bool { try integer(column) != 0 }
}
