/// A Business Identifier Code (SWIFT BIC, ISO 9362): four letters or digits for the
/// institution, two letters for its country, two letters or digits for the location, and
/// optionally three for the branch ("XXX" the head office). It carries no check digit, so the
/// shape is all there is to check here.
public struct BankIdentifierCode: Sendable, Hashable {
    public let value: String

    public init(_ text: String) throws(IdentifierProblem) {
        let compact = String(text.filter { $0 != " " }.uppercased())
        let bytes = Array(compact.utf8)
        let letter: (UInt8) -> Bool = { (65...90).contains($0) }
        let letterOrDigit: (UInt8) -> Bool = { letter($0) || (48...57).contains($0) }
        guard bytes.count == 8 || bytes.count == 11, bytes[..<4].allSatisfy(letterOrDigit), bytes[4..<6].allSatisfy(letter),
              bytes[6...].allSatisfy(letterOrDigit) else {
            throw IdentifierProblem(.bic, .shape)
        }
        value = compact
    }

    /// The country the institution is in: the fifth and sixth characters.
    public var country: String { String(Array(value)[4..<6]) }
}
