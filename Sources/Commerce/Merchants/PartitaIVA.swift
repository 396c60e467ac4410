/// Italy's VAT number (partita IVA): eleven digits — seven for the taxpayer, three for the tax
/// office, and a Luhn check digit (D.M. 23 dicembre 1976; Agenzia delle Entrate).
public struct PartitaIVA: Sendable, Hashable {
    public let value: String

    public init(_ text: String) throws(IdentifierProblem) {
        guard let digits = CheckDigits.digits(of: text, count: 11) else {
            throw IdentifierProblem(.partitaIVA, .shape)
        }
        guard CheckDigits.luhnHolds(digits) else { throw IdentifierProblem(.partitaIVA, .checkDigit) }
        value = digits.map(String.init).joined()
    }
}
