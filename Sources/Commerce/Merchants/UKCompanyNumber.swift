/// A company number from Companies House: eight characters, either eight digits (England and
/// Wales; shorter numbers are the same with leading zeros) or a two-character prefix for the
/// register and kind of body and six digits.
public struct UKCompanyNumber: Sendable, Hashable {
    public let value: String

    /// The prefixes Companies House issues (Companies House, "Company number prefixes", its
    /// public data product's guide): Scotland, Northern Ireland and its pre-1922 register,
    /// LLPs, limited partnerships, overseas companies, EEIGs, industrial and provident and
    /// registered societies, charitable incorporated organisations, investment companies
    /// with variable capital, assurance companies, European companies (SE) and the rest.
    static let prefixes: Set<String> = [
        "SC", "NI", "R0", "OC", "SO", "NC", "LP", "SL", "NL", "FC", "SF", "NF", "GE", "GS", "GN", "IP", "SP", "NP",
        "RC", "SR", "NR", "RS", "IC", "SI", "NV", "AC", "SA", "NA", "CE", "CS", "ZC", "SZ", "NZ", "SE", "PC", "NO",
    ]

    public init(_ text: String) throws(IdentifierProblem) {
        let compact = String(text.filter { $0 != " " }.uppercased())
        let bytes = Array(compact.utf8)
        let isDigit: (UInt8) -> Bool = { (48...57).contains($0) }
        if (1...8).contains(bytes.count), bytes.allSatisfy(isDigit) {
            value = String(repeating: "0", count: 8 - bytes.count) + compact
            return
        }
        guard bytes.count == 8, bytes[2...].allSatisfy(isDigit), bytes[..<2].allSatisfy({ (65...90).contains($0) || isDigit($0) }) else {
            throw IdentifierProblem(.ukCompanyNumber, .shape)
        }
        guard Self.prefixes.contains(String(compact.prefix(2))) else {
            throw IdentifierProblem(.ukCompanyNumber, .unknownPrefix)
        }
        value = compact
    }
}
