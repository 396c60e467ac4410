/// Businesses applying to sell, one at each step, so that a first start shows ops' whole
/// review flow. Every business and person is invented; the IBANs are the IBAN registry's
/// published examples, the numbers made to pass their own rules.
public enum DemoApplications {
    public enum Outcome: Sendable {
        /// Still being filled in.
        case draft
        /// Submitted and checked, waiting for ops.
        case inReview
        /// Approved by ops: a merchant with its store.
        case approved(reviewer: String)
        case rejected(reviewer: String, reason: String)
        /// Approved, then suspended: its store hidden.
        case suspended(reviewer: String, reason: String)
    }

    public struct Entry: Sendable {
        public let application: MerchantApplication
        public let outcome: Outcome
    }

    public static let entries: [Entry] = [
        Entry(application: MerchantApplication(
            legalName: "Fjord & Field AS", country: "NO", registrationNumber: "923 609 016",
            representative: .init(name: "Ingrid Solberg", role: "Founder", email: "ingrid@fjordfield.example"),
            brands: ["Fjord & Field"]), outcome: .draft),
        Entry(application: MerchantApplication(
            legalName: "Bottega Verdi S.r.l.", country: "IT", registrationNumber: "04812260489", vatNumber: "IT04812260489",
            address: .init(line1: "Via dei Servi 12", city: "Firenze", postalCode: "50122"),
            representative: .init(name: "Giulia Verdi", role: "Owner", email: "giulia@bottegaverdi.example"),
            owners: [.init(name: "Giulia Verdi", sharePercent: 70, nationality: "IT"), .init(name: "Paolo Verdi", sharePercent: 30, nationality: "IT")],
            payout: .init(holderName: "Bottega Verdi S.r.l.", currency: "EUR", iban: "IT60X0542811101000000123456"),
            brands: ["Bottega Verdi"], categories: ["bags", "accessories"]), outcome: .inReview),
        Entry(application: MerchantApplication(
            legalName: "Maple & Oak Provisions Ltd", country: "GB", registrationNumber: "SC604127",
            address: .init(line1: "14 Rose Street", city: "Edinburgh", postalCode: "EH2 2PR"),
            representative: .init(name: "Fiona MacLeod", role: "Director", email: "fiona@mapleoak.example"),
            owners: [.init(name: "Fiona MacLeod", sharePercent: 100, nationality: "GB")],
            payout: .init(holderName: "Maple & Oak Provisions Ltd", currency: "GBP", iban: "GB29NWBK60161331926819"),
            brands: ["Maple & Oak"], categories: ["food"]), outcome: .approved(reviewer: "Chen Jing")),
        Entry(application: MerchantApplication(
            legalName: "Greyline Bulk Trading Ltd", country: "GB", registrationNumber: "14230571",
            address: .init(line1: "Unit 7, Dock Road", city: "Felixstowe", postalCode: "IP11 3SW"),
            representative: .init(name: "Tom Reeve", role: "Manager", email: "trade@greyline.example"),
            ownersComplete: true,
            payout: .init(holderName: "Greyline Bulk Trading Ltd", currency: "GBP", iban: "GB29NWBK60161331926819"),
            brands: ["Assorted"], categories: ["cosmetics"]),
              outcome: .rejected(reviewer: "Chen Jing", reason: "The business is on a sanctions list we screen against: we cannot open a store for it.")),
        Entry(application: MerchantApplication(
            legalName: "Harbour Lights Trading Pte Ltd", country: "SG", registrationNumber: "201912345K",
            address: .init(line1: "8 Marina View", city: "Singapore", postalCode: "018960"),
            representative: .init(name: "Tan Wei Ling", role: "Director", email: "weiling@harbourlights.example"),
            owners: [.init(name: "Tan Wei Ling", sharePercent: 60, nationality: "SG")],
            payout: .init(holderName: "Harbour Lights Trading Pte Ltd", currency: "SGD", bic: "DBSSSGSG", accountNumber: "0721234567"),
            brands: ["Harbour Lights"], categories: ["food"]),
              outcome: .suspended(reviewer: "Chen Jing", reason: "Brand owners reported counterfeit listings: suspended while we investigate.")),
    ]
}
