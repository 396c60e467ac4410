/// An International Bank Account Number (ISO 13616), checked as banks check it: the country's
/// length, and the mod-97 check digits (the number, rearranged and read as digits, leaves 1).
public struct IBAN: Sendable, Hashable, CustomStringConvertible {
    /// The electronic form: capitals, no spaces.
    public let value: String

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case characters
        case length(country: String, expected: Int, got: Int)
        case unknownCountry(String)
        case checkDigits

        public var description: String {
            switch self {
            case .characters: return "an IBAN has a country code, two check digits and letters or digits only"
            case .length(let country, let expected, let got): return "an IBAN from \(country) has \(expected) characters, not \(got)"
            case .unknownCountry(let country): return "\(country) does not issue IBANs"
            case .checkDigits: return "the IBAN's check digits do not match: a character is mistyped"
            }
        }
    }

    /// IBAN lengths from the SWIFT IBAN registry, for the countries merchants come from.
    static let lengths: [String: Int] = [
        "AT": 20, "BE": 16, "CH": 21, "CZ": 24, "DE": 22, "DK": 18, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27,
        "HU": 28, "IE": 22, "IT": 27, "LU": 20, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "SE": 24, "AE": 23, "SA": 24,
        "TR": 26, "IL": 23,
    ]

    public init(_ text: String) throws(Problem) {
        let compact = String(text.filter { $0 != " " }.uppercased())
        let bytes = Array(compact.utf8)
        guard bytes.count >= 5, bytes.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) }),
              bytes[0] >= 65, bytes[1] >= 65, bytes[2] <= 57, bytes[3] <= 57 else { throw .characters }
        let country = String(compact.prefix(2))
        guard let length = IBAN.lengths[country] else { throw .unknownCountry(country) }
        guard bytes.count == length else { throw .length(country: country, expected: length, got: bytes.count) }
        guard CheckDigits.mod97(bytes[4...] + bytes[..<4]) == 1 else { throw .checkDigits }
        value = compact
    }

    private init(published value: String) {
        self.value = value
    }

    /// The UK example from the IBAN registry, the sandbox platform's own account in payout files
    /// (a test holds it to the same checks as any other).
    public static let registryExample = IBAN(published: "GB82WEST12345698765432")

    public var country: String { String(value.prefix(2)) }

    /// Grouped in fours, as it is printed.
    public var description: String {
        stride(from: 0, to: value.count, by: 4).map { offset in
            let start = value.index(value.startIndex, offsetBy: offset)
            return String(value[start..<(value.index(start, offsetBy: 4, limitedBy: value.endIndex) ?? value.endIndex)])
        }.joined(separator: " ")
    }
}
