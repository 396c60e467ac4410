/// A bank that onboards its small-business clients onto the platform (the "Marco Polo" plan):
/// it has its own API credentials, vouches for the checks its agreement lists, and may open a
/// flagship store that gathers its clients' products.
public struct PartnerBank: Sendable, Equatable {
    public let id: String
    public let name: String
    /// ISO 3166-1 alpha-2.
    public let country: String
    public let bic: String
    /// The checks the bank's agreement with the platform lets its attestation stand for.
    public let attests: [VerificationCheck]
    public let flagship: Flagship?

    public init(id: String, name: String, country: String, bic: String, attests: [VerificationCheck], flagship: Flagship?) {
        self.id = id
        self.name = name
        self.country = country
        self.bic = bic
        self.attests = attests
        self.flagship = flagship
    }
}

/// A partner bank's store window: one page gathering the products of every client it introduced.
public struct Flagship: Sendable, Equatable {
    public let slug: String
    public let name: LocalizedText
    public let tagline: LocalizedText

    public init(slug: String, name: LocalizedText, tagline: LocalizedText) {
        self.slug = slug
        self.name = name
        self.tagline = tagline
    }
}

/// What ops file to make a bank a partner, as sent; `PartnerBankRules` says what is wrong with it.
public struct PartnerBankDraft: Sendable, Equatable, Codable {
    public var id: String?
    public var name: String?
    public var country: String?
    public var bic: String?
    public var attests: [String]?

    public init(id: String? = nil, name: String? = nil, country: String? = nil, bic: String? = nil, attests: [String]? = nil) {
        self.id = id
        self.name = name
        self.country = country
        self.bic = bic
        self.attests = attests
    }
}

/// A flagship store as the bank sends it.
public struct FlagshipDraft: Sendable, Equatable, Codable {
    public var slug: String?
    public var nameEn: String?
    public var nameZh: String?
    public var taglineEn: String?
    public var taglineZh: String?

    public init(slug: String? = nil, nameEn: String? = nil, nameZh: String? = nil, taglineEn: String? = nil, taglineZh: String? = nil) {
        self.slug = slug
        self.nameEn = nameEn
        self.nameZh = nameZh
        self.taglineEn = taglineEn
        self.taglineZh = taglineZh
    }
}
