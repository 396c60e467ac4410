import Foundation

/// What a merchant has on file to sell a brand it does not own outright: the brand owner's
/// letter authorising it, or a trademark registration (its own, or the owner's, which a letter
/// then refers to). Ops accept it before it counts.
public struct BrandAuthorisation: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// The brand owner's letter authorising the merchant to sell its goods.
        case ownerLetter = "owner-letter"
        /// A trademark registration: number, office, owner and classes.
        case trademark
    }

    public enum Status: String, Sendable, CaseIterable {
        case pending, accepted, rejected
    }

    public let id: String
    public let merchantID: String
    /// The brand as the merchant writes it on its products.
    public let brand: String
    public let kind: Kind
    /// Who owns the brand: the letter's signatory company or the registration's holder.
    public let owner: String
    /// The trademark office ("EUIPO", "WIPO", or a country's code for its national office) and
    /// the registration number, for a registration; a letter may cite one.
    public let office: String?
    public let registrationNumber: String?
    /// Nice classes the registration or letter covers.
    public let classes: Set<Int>
    /// The first and last day (in Beijing, where the goods are sold) on which it holds.
    public let validFrom: Day
    public let validUntil: Day
    public let status: Status

    public init(id: String, merchantID: String, brand: String, kind: Kind, owner: String, office: String?, registrationNumber: String?,
                classes: Set<Int>, validFrom: Day, validUntil: Day, status: Status) {
        self.id = id
        self.merchantID = merchantID
        self.brand = brand
        self.kind = kind
        self.owner = owner
        self.office = office
        self.registrationNumber = registrationNumber
        self.classes = classes
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.status = status
    }

    /// The same filing with ops' verdict `status`.
    public func reviewed(_ status: Status) -> BrandAuthorisation {
        BrandAuthorisation(id: id, merchantID: merchantID, brand: brand, kind: kind, owner: owner, office: office,
                           registrationNumber: registrationNumber, classes: classes, validFrom: validFrom, validUntil: validUntil,
                           status: status)
    }

    /// Whether it is accepted and holds on `today`: its last day counts in full.
    public func holds(on today: Day) -> Bool {
        status == .accepted && validFrom <= today && today <= validUntil
    }
}

/// An authorisation as a merchant files it, every field optional so that each missing one is
/// named; days are written YYYY-MM-DD.
public struct BrandAuthorisationDraft: Sendable, Codable, Equatable {
    public var brand: String?
    public var kind: String?
    public var owner: String?
    public var office: String?
    public var registrationNumber: String?
    public var classes: [Int]?
    public var validFrom: String?
    public var validUntil: String?

    public init(brand: String? = nil, kind: String? = nil, owner: String? = nil, office: String? = nil, registrationNumber: String? = nil,
                classes: [Int]? = nil, validFrom: String? = nil, validUntil: String? = nil) {
        self.brand = brand
        self.kind = kind
        self.owner = owner
        self.office = office
        self.registrationNumber = registrationNumber
        self.classes = classes
        self.validFrom = validFrom
        self.validUntil = validUntil
    }
}

/// One thing wrong with a filed authorisation or a counterfeit report: the field and why, as a
/// code with its values, for the page or the API to say in the reader's language.
public struct BrandProblem: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        case required
        case tooLong(limit: Int)
        case characters
        /// Not "owner-letter" or "trademark".
        case unknownKind
        /// Not EUIPO, WIPO or an ISO 3166 country's office.
        case unknownOffice
        /// A registration number is 1 to 20 letters and digits, with "/", "-" or "." between.
        case registrationNumber
        /// A Nice class is 1 to 45.
        case niceClass
        case duplicate
        /// Not a day written YYYY-MM-DD.
        case day
        /// The last day is before the first.
        case endsBeforeStart
        /// Already over on the day it is filed.
        case expired
        /// "No brand" needs no authorisation.
        case unbranded
        case email

        /// A stable name for the API's `errors[].code`.
        public var code: String {
            switch self {
            case .required: "required"
            case .tooLong: "too-long"
            case .characters: "characters"
            case .unknownKind: "unknown-kind"
            case .unknownOffice: "unknown-office"
            case .registrationNumber: "registration-number"
            case .niceClass: "nice-class"
            case .duplicate: "duplicate"
            case .day: "day"
            case .endsBeforeStart: "ends-before-start"
            case .expired: "expired"
            case .unbranded: "unbranded"
            case .email: "email"
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

/// A filing or a report refused as a whole, with every problem found.
public struct BrandRefusal: Error, Equatable, Sendable {
    public let problems: [BrandProblem]

    public init(_ problems: [BrandProblem]) {
        self.problems = problems
    }
}
