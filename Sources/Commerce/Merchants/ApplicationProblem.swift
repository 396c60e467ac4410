/// One thing wrong with a merchant's application: the field (as the API names it,
/// "owners[1].sharePercent") and why, as a code with its values, for the page or the API to
/// say in the reader's language.
public struct ApplicationProblem: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// Needed to submit, and still empty.
        case required
        case tooLong(limit: Int)
        /// Control characters, or (in a name) digits.
        case characters
        case identifier(IdentifierProblem)
        case iban(IBAN.Problem)
        /// Not an ISO 3166-1 code.
        case unknownCountry
        /// A mainland business: it sells in China directly, not cross-border.
        case mainlandBusiness
        /// The VAT number's prefix is not the country the business is registered in.
        case vatCountry(expected: String)
        case unknownCurrency
        /// An owner's share outside 25–100 %: smaller holdings are not listed.
        case ownerShare
        /// The owners' shares add up to more than the whole.
        case sharesOverWhole(total: Int)
        /// The owner list is empty and the applicant has not said nobody holds 25 % or more.
        case ownersUnconfirmed
        case email
        /// An account number of 4 to 34 letters and digits.
        case accountNumber
        case duplicate
        case tooMany(limit: Int)
        /// An id or slug: 3 to 40 lower-case letters, digits and dashes.
        case slug
        /// An id or slug someone else holds already.
        case taken
        /// Not one of the checks an application goes through.
        case unknownCheck
        /// A check the partner bank's agreement does not let its attestation stand for.
        case notInAgreement
        case day
        case attestationInFuture
        /// The bank's checks are older than the platform accepts.
        case attestationStale(maxDays: Int)
        /// Another partner bank introduced this business already.
        case introducedByAnotherBank
        /// This bank introduced this business already.
        case introducedAlready
        /// A CSV column the onboarding file does not have.
        case unknownColumn
        /// A file that is not RFC 4180 CSV, or a row with more or fewer fields than the header.
        case csv(line: Int, message: String)
        case wholeNumber
        case yesOrNo

        /// A stable name for the API's `errors[].code`.
        public var code: String {
            switch self {
            case .required: "required"
            case .tooLong: "too-long"
            case .characters: "characters"
            case .identifier(let problem): "\(problem.identifier.rawValue).\(problem.kind.rawValue)"
            case .iban: "iban"
            case .unknownCountry: "unknown-country"
            case .mainlandBusiness: "mainland-business"
            case .vatCountry: "vat-country"
            case .unknownCurrency: "unknown-currency"
            case .ownerShare: "owner-share"
            case .sharesOverWhole: "shares-over-whole"
            case .ownersUnconfirmed: "owners-unconfirmed"
            case .email: "email"
            case .accountNumber: "account-number"
            case .duplicate: "duplicate"
            case .tooMany: "too-many"
            case .slug: "slug"
            case .taken: "taken"
            case .unknownCheck: "unknown-check"
            case .notInAgreement: "not-in-agreement"
            case .day: "day"
            case .attestationInFuture: "attestation-in-future"
            case .attestationStale: "attestation-stale"
            case .introducedByAnotherBank: "introduced-by-another-bank"
            case .introducedAlready: "introduced-already"
            case .unknownColumn: "unknown-column"
            case .csv: "csv"
            case .wholeNumber: "whole-number"
            case .yesOrNo: "yes-or-no"
            }
        }
    }

    public let field: String
    public let reason: Reason

    public init(_ field: String, _ reason: Reason) {
        self.field = field
        self.reason = reason
    }
}

/// An application refused as a whole: every problem found, so that a form can mark each field
/// at once rather than one per try.
public struct ApplicationRefusal: Error, Equatable, Sendable {
    public let problems: [ApplicationProblem]

    public init(_ problems: [ApplicationProblem]) {
        self.problems = problems
    }
}
