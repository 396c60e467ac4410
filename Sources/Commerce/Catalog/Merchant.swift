import Money

/// An overseas seller. It prices in its own currency and is settled in it.
public struct Merchant: Sendable, Hashable, Identifiable {
    public let id: String
    public let name: LocalizedText
    /// ISO 3166-1 alpha-2.
    public let country: String
    public let currency: Currency
    public let kind: Kind
    /// The partner bank that onboarded and vouches for it, if any.
    public let onboardedBy: String?

    public enum Kind: String, Sendable, CaseIterable {
        case departmentStore = "department_store"
        case workshop
        case warehouseClub = "warehouse_club"
        case brand
        case watchmaker
        /// A business that applied and was approved on its own (issue 16).
        case independent
    }

    public init(id: String, name: LocalizedText, country: String, currency: Currency, kind: Kind, onboardedBy: String?) {
        self.id = id
        self.name = name
        self.country = country
        self.currency = currency
        self.kind = kind
        self.onboardedBy = onboardedBy
    }
}

/// A merchant's shop window on the platform.
public struct Storefront: Sendable, Hashable, Identifiable {
    public let id: String
    public let merchantID: String
    public let slug: String
    public let name: LocalizedText
    public let tagline: LocalizedText

    public init(id: String, merchantID: String, slug: String, name: LocalizedText, tagline: LocalizedText) {
        self.id = id
        self.merchantID = merchantID
        self.slug = slug
        self.name = name
        self.tagline = tagline
    }
}
