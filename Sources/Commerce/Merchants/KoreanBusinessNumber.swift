/// A Korean business registration number (사업자등록번호), written 3-2-5: three digits for the
/// tax office, two for the kind of business, four serial digits and a check digit. The National
/// Tax Service's check: the first nine digits times 1, 3, 7, 1, 3, 7, 1, 3, 5, plus the tens of
/// the ninth digit times 5; ten less the sum's last digit (0 for 10) is the tenth digit.
public struct KoreanBusinessNumber: Sendable, Hashable {
    public let value: String

    public init(_ text: String) throws(IdentifierProblem) {
        guard let digits = CheckDigits.digits(of: text, count: 10) else {
            throw IdentifierProblem(.koreanBusinessNumber, .shape)
        }
        let sum = CheckDigits.weighted(digits, [1, 3, 7, 1, 3, 7, 1, 3, 5]) + digits[8] * 5 / 10
        guard (10 - sum % 10) % 10 == digits[9] else {
            throw IdentifierProblem(.koreanBusinessNumber, .checkDigit)
        }
        value = digits.map(String.init).joined()
    }

    /// As it is printed: 123-45-67890.
    public var formatted: String {
        let characters = Array(value)
        return String(characters[0..<3]) + "-" + String(characters[3..<5]) + "-" + String(characters[5...])
    }
}
