/// A D-U-N-S number: nine digits, often written 2-3-4 with hyphens. D&B has issued no check
/// digit since 2006 (numbers are assigned at random), so the shape is all there is to check;
/// whether the number belongs to the applicant is the business-information lookup's to say.
public struct DUNSNumber: Sendable, Hashable {
    public let value: String

    public init(_ text: String) throws(IdentifierProblem) {
        guard let digits = CheckDigits.digits(of: text, count: 9) else {
            throw IdentifierProblem(.dunsNumber, .shape)
        }
        value = digits.map(String.init).joined()
    }
}
