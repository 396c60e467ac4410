/// A VAT identification number from an EU member state (or Northern Ireland, XI): the
/// country's two-letter prefix and its own format. The format is all that can be told without
/// asking VIES, except for Italy, whose partita IVA carries a check digit.
public struct EUVATNumber: Sendable, Hashable {
    public let country: String
    /// The number after the prefix.
    public let number: String

    /// Each country's formats, from the European Commission's VIES FAQ ("What is the structure
    /// of a VAT number?"), with XI added for Northern Ireland from 2021-01-01. In a format, 9 is
    /// a digit, @ a letter, # a letter or a digit; anything else stands for itself.
    public static let formats: [String: [String]] = [
        "AT": ["U99999999"], "BE": ["0999999999", "1999999999"], "BG": ["999999999", "9999999999"],
        "CY": ["99999999@"], "CZ": ["99999999", "999999999", "9999999999"], "DE": ["999999999"], "DK": ["99999999"],
        "EE": ["999999999"], "EL": ["999999999"], "ES": ["#9999999#"], "FI": ["99999999"], "FR": ["##999999999"],
        "HR": ["99999999999"], "HU": ["99999999"],
        "IE": ["9999999@", "9999999@@", "9@99999@", "9+99999@", "9*99999@"],
        "IT": ["99999999999"], "LT": ["999999999", "999999999999"], "LU": ["99999999"], "LV": ["99999999999"],
        "MT": ["99999999"], "NL": ["999999999B99"], "PL": ["9999999999"], "PT": ["999999999"],
        "RO": (2...10).map { String(repeating: "9", count: $0) }, "SE": ["999999999901"], "SI": ["99999999"],
        "SK": ["9999999999"], "XI": ["999999999", "999999999999", "GD999", "HA999"],
    ]

    public init(_ text: String) throws(IdentifierProblem) {
        let compact = String(text.filter { !" -.".contains($0) }.uppercased())
        let country = String(compact.prefix(2))
        guard let formats = Self.formats[country] else {
            throw IdentifierProblem(.euVATNumber, .unknownPrefix)
        }
        let number = String(compact.dropFirst(2))
        guard formats.contains(where: { Self.matches(Array(number.utf8), Array($0.utf8)) }) else {
            throw IdentifierProblem(.euVATNumber, .shape, formats: formats.map { country + $0 })
        }
        if country == "IT" {
            do { _ = try PartitaIVA(number) } catch { throw IdentifierProblem(.euVATNumber, .checkDigit) }
        }
        self.country = country
        self.number = number
    }

    public var value: String { country + number }

    static func matches(_ number: [UInt8], _ format: [UInt8]) -> Bool {
        number.count == format.count && zip(number, format).allSatisfy { character, wanted in
            let digit = (48...57).contains(character)
            let letter = (65...90).contains(character)
            switch wanted {
            case UInt8(ascii: "9"): return digit
            case UInt8(ascii: "@"): return letter
            case UInt8(ascii: "#"): return digit || letter
            default: return character == wanted
            }
        }
    }
}
