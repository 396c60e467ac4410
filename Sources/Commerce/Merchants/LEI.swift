/// A Legal Entity Identifier (ISO 17442): twenty capitals and digits, the last two check digits
/// under ISO 7064 MOD 97-10, so that the whole code, read as a number with letters as 10…35,
/// leaves 1 when divided by 97 (GLEIF, "LEI: ISO 17442").
public struct LEI: Sendable, Hashable {
    public let value: String

    public init(_ text: String) throws(IdentifierProblem) {
        let compact = String(text.filter { $0 != " " }.uppercased())
        let bytes = Array(compact.utf8)
        guard bytes.count == 20, bytes.allSatisfy({ (48...57).contains($0) || (65...90).contains($0) }),
              bytes[18...].allSatisfy({ (48...57).contains($0) }) else {
            throw IdentifierProblem(.lei, .shape)
        }
        guard CheckDigits.mod97(bytes) == 1 else { throw IdentifierProblem(.lei, .checkDigit) }
        value = compact
    }
}
