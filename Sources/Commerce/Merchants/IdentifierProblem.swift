/// Why a business identifier on an application is refused: which identifier, what is wrong
/// with it, and (for an EU VAT number of the wrong shape) the formats its country uses. It
/// carries codes, not sentences: the pages and the API say it in the reader's language.
public struct IdentifierProblem: Error, Equatable, Sendable {
    public enum Identifier: String, Sendable, CaseIterable {
        case routingNumber = "routing-number"
        case lei
        case partitaIVA = "partita-iva"
        case euVATNumber = "eu-vat-number"
        case dunsNumber = "duns-number"
        case ukCompanyNumber = "uk-company-number"
        case koreanBusinessNumber = "kr-business-number"
        case employerNumber = "us-ein"
        case bic
        case registrationNumber = "registration-number"
    }

    public enum Kind: String, Sendable, CaseIterable {
        /// Characters the identifier never has, or not as many as it has.
        case shape
        /// The right shape, but the check digit does not match: a character is mistyped.
        case checkDigit = "check-digit"
        /// A prefix or country the identifier's rule does not know.
        case unknownPrefix = "unknown-prefix"
    }

    public let identifier: Identifier
    public let kind: Kind
    /// The formats the rule accepts, where they depend on the input (an EU VAT number's
    /// country): "DE999999999", 9 a digit, @ a letter, # either.
    public let formats: [String]

    public init(_ identifier: Identifier, _ kind: Kind, formats: [String] = []) {
        self.identifier = identifier
        self.kind = kind
        self.formats = formats
    }
}
