/// Identifiers (identity numbers, tracking and air waybill numbers, HS codes, phone numbers)
/// are written in ASCII digits and letters. Swift's `isNumber`, `isLetter` and
/// `wholeNumberValue` answer for all of Unicode — 一, ５ and 兆 are numbers, 中 is a letter — so
/// a rule about an identifier asks these instead.
extension Character {
    /// 0 to 9, and nothing else.
    public var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }

    /// A to Z, and nothing else.
    public var isASCIIUppercaseLetter: Bool { asciiValue.map { (65...90).contains($0) } ?? false }

    /// The value of an ASCII digit; nil for anything else.
    public var asciiDigitValue: Int? { isASCIIDigit ? Int(asciiValue ?? 48) - 48 : nil }

    /// A decimal digit of any script (Unicode category Nd: ASCII, full-width, Arabic-Indic…),
    /// as a person's name never holds. Chinese numerals (一, 三, 万, 〇) are letters of names.
    public var isDecimalDigitOfAnyScript: Bool { unicodeScalars.contains { $0.properties.generalCategory == .decimalNumber } }
}
