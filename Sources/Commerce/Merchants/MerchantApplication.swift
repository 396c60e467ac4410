/// What an overseas business applies to sell with, as the applicant has filled it in so far.
/// Every field may still be empty in a draft; `ApplicationRules` says what is wrong with what is
/// there and, for submitting, what is still missing.
public struct MerchantApplication: Sendable, Equatable, Codable {
    public struct Address: Sendable, Equatable, Codable {
        public var line1: String?
        public var line2: String?
        public var city: String?
        public var postalCode: String?

        public init(line1: String? = nil, line2: String? = nil, city: String? = nil, postalCode: String? = nil) {
            self.line1 = line1
            self.line2 = line2
            self.city = city
            self.postalCode = postalCode
        }
    }

    /// The person who acts for the business on the platform.
    public struct Representative: Sendable, Equatable, Codable {
        public var name: String?
        public var role: String?
        public var email: String?

        public init(name: String? = nil, role: String? = nil, email: String? = nil) {
            self.name = name
            self.role = role
            self.email = email
        }
    }

    /// A person who owns 25 % or more of the business, directly or not (the beneficial-owner
    /// threshold of the EU's anti-money-laundering directives and FinCEN's CDD rule).
    public struct Owner: Sendable, Equatable, Codable {
        public var name: String?
        /// Whole percent, 25 to 100.
        public var sharePercent: Int?
        public var nationality: String?

        public init(name: String? = nil, sharePercent: Int? = nil, nationality: String? = nil) {
            self.name = name
            self.sharePercent = sharePercent
            self.nationality = nationality
        }
    }

    /// Where payouts go: an IBAN where the bank's country issues them, a US routing and account
    /// number, or elsewhere an account number and the bank's BIC.
    public struct PayoutAccount: Sendable, Equatable, Codable {
        public var holderName: String?
        public var currency: String?
        public var iban: String?
        public var bic: String?
        public var routingNumber: String?
        public var accountNumber: String?

        public init(holderName: String? = nil, currency: String? = nil, iban: String? = nil, bic: String? = nil,
                    routingNumber: String? = nil, accountNumber: String? = nil) {
            self.holderName = holderName
            self.currency = currency
            self.iban = iban
            self.bic = bic
            self.routingNumber = routingNumber
            self.accountNumber = accountNumber
        }
    }

    public var legalName: String?
    /// ISO 3166-1 alpha-2, where the business is registered.
    public var country: String?
    public var registrationNumber: String?
    public var dunsNumber: String?
    public var vatNumber: String?
    public var lei: String?
    public var address: Address?
    public var representative: Representative?
    public var owners: [Owner]?
    /// The applicant's statement that `owners` lists everyone who holds 25 % or more: an empty
    /// list means "nobody does" only with it.
    public var ownersComplete: Bool?
    public var payout: PayoutAccount?
    public var brands: [String]?
    public var categories: [String]?

    public init(legalName: String? = nil, country: String? = nil, registrationNumber: String? = nil, dunsNumber: String? = nil,
                vatNumber: String? = nil, lei: String? = nil, address: Address? = nil, representative: Representative? = nil,
                owners: [Owner]? = nil, ownersComplete: Bool? = nil, payout: PayoutAccount? = nil, brands: [String]? = nil,
                categories: [String]? = nil) {
        self.legalName = legalName
        self.country = country
        self.registrationNumber = registrationNumber
        self.dunsNumber = dunsNumber
        self.vatNumber = vatNumber
        self.lei = lei
        self.address = address
        self.representative = representative
        self.owners = owners
        self.ownersComplete = ownersComplete
        self.payout = payout
        self.brands = brands
        self.categories = categories
    }
}
