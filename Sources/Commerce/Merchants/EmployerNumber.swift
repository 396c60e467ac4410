/// A US Employer Identification Number, the IRS's number for a business: nine digits, written
/// 12-3456789. The first two digits once named the IRS campus that issued it; since 2001 any
/// campus issues any prefix, and the IRS publishes no check digit, so the shape is what can be
/// checked without asking the IRS.
public struct EmployerNumber: Sendable, Hashable {
    public let value: String

    public init(_ text: String) throws(IdentifierProblem) {
        guard let digits = CheckDigits.digits(of: text, count: 9) else { throw IdentifierProblem(.employerNumber, .shape) }
        value = digits.map(String.init).joined()
    }
}
