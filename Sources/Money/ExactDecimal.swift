/// A decimal number held exactly: `mantissa × 10^-scale`. Used for exchange rates, tax rates
/// and the sub-minor-unit remainders of conversions, where binary floating point would drift.
public struct ExactDecimal: Hashable, Sendable, CustomStringConvertible {
    public let mantissa: Int64
    public let scale: Int

    /// The most fraction digits a parsed decimal may carry; keeps every product inside Int128.
    public static let maxScale = 12

    public init(mantissa: Int64, scale: Int) {
        self.mantissa = mantissa
        self.scale = scale
    }

    /// Parses plain decimal notation ("7.1234", "-0.5", "12"); no exponents, no grouping.
    public init(parsing text: String) throws(MoneyError) {
        let parts = try DecimalDigits(text)
        guard parts.fraction.count <= ExactDecimal.maxScale else { throw .malformedDecimal(text) }
        guard let mantissa = Int64(parts.digits) else { throw .malformedDecimal(text) }
        self.mantissa = parts.negative ? -mantissa : mantissa
        self.scale = parts.fraction.count
    }

    public var isPositive: Bool { mantissa > 0 }
    public var isZero: Bool { mantissa == 0 }

    /// The canonical text, with trailing zeros removed: "7.1", not "7.1000".
    public var description: String {
        var m = mantissa
        var s = scale
        while s > 0, m % 10 == 0 { m /= 10; s -= 1 }
        return ExactDecimal(mantissa: m, scale: s).paddedText
    }

    /// The text with all `scale` digits kept ("1234.50"), as amounts are shown.
    var paddedText: String {
        let digits = String(mantissa.magnitude)
        let sign = mantissa < 0 ? "-" : ""
        guard scale > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let cut = padded.index(padded.endIndex, offsetBy: -scale)
        return sign + padded[..<cut] + "." + padded[cut...]
    }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let scale = max(lhs.scale, rhs.scale)
        return Int128(lhs.mantissa) * Power.ofTen(scale - lhs.scale)
            == Int128(rhs.mantissa) * Power.ofTen(scale - rhs.scale)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}

/// Sign, integer and fraction digits of a plain decimal string, validated once for every
/// parser (rates and amounts) so both accept and refuse the same texts.
struct DecimalDigits {
    let negative: Bool
    let integer: Substring
    let fraction: Substring
    var digits: String { String(integer) + String(fraction) }

    init(_ text: String) throws(MoneyError) {
        var body = Substring(text)
        negative = body.first == "-"
        if negative || body.first == "+" { body = body.dropFirst() }
        let pieces = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        integer = pieces[0]
        fraction = pieces.count > 1 ? pieces[1] : ""
        let isDigit: (Character) -> Bool = { $0.isASCIIDigit }
        guard !integer.isEmpty, integer.allSatisfy(isDigit), fraction.allSatisfy(isDigit),
              pieces.count == 1 || !fraction.isEmpty
        else { throw .malformedDecimal(text) }
    }
}
