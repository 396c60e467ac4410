/// The demo merchants' brand authorisations, so that their products are on sale on first
/// start: each brand-owning merchant's own trademark registration, the department store's
/// letter from the sneaker brand it resells, one letter waiting for ops' review, and one
/// counterfeit report for ops to look into. Invented numbers and owners, days relative to the
/// day the demo is loaded so that nothing lapses as the calendar moves.
public enum DemoBrands {
    public struct Filing: Sendable {
        public let merchantID: String
        public let draft: BrandAuthorisationDraft
        /// Accepted by ops already, or still waiting.
        public let accepted: Bool
    }

    public struct Report: Sendable {
        public let productID: String
        public let draft: CounterfeitReportDraft
    }

    /// The filings, their days counted from `today`.
    public static func filings(from today: Day) -> [Filing] {
        func day(_ offset: Int) -> String { today.adding(days: offset).description }
        func registration(_ merchant: String, _ brand: String, owner: String, office: String, number: String, classes: [Int]) -> Filing {
            Filing(merchantID: merchant, draft: BrandAuthorisationDraft(
                brand: brand, kind: "trademark", owner: owner, office: office, registrationNumber: number, classes: classes,
                validFrom: day(-400), validUntil: day(9 * 365 - 400)), accepted: true)
        }
        return [
            registration("m-hudson-vine", "Hudson & Vine", owner: "Hudson & Vine Inc.", office: "US", number: "5123456", classes: [25]),
            registration("m-bottega-arno", "Bottega Arno", owner: "Bottega Arno S.r.l.", office: "EUIPO", number: "018123456", classes: [18, 25]),
            registration("m-pacific-pantry", "Pacific Pantry", owner: "Pacific Pantry Club LLC", office: "US", number: "6234567",
                         classes: [29, 30, 31]),
            registration("m-seoul-dew", "Seoul Dew", owner: "Seoul Dew Cosmetics Co., Ltd.", office: "KR", number: "40-2019-0012345", classes: [3]),
            registration("m-vallee", "Vallée", owner: "Horlogerie Vallée SA", office: "WIPO", number: "1456789", classes: [14]),
            Filing(merchantID: "m-hudson-vine", draft: BrandAuthorisationDraft(
                brand: "Fulton Athletic", kind: "owner-letter", owner: "Fulton Athletic Inc.", office: "US", registrationNumber: "4876543",
                classes: [25], validFrom: day(-120), validUntil: day(610)), accepted: true),
            Filing(merchantID: "m-hudson-vine", draft: BrandAuthorisationDraft(
                brand: "Seoul Dew", kind: "owner-letter", owner: "Seoul Dew Cosmetics Co., Ltd.", classes: [3],
                validFrom: day(-3), validUntil: day(362)), accepted: false),
        ]
    }

    public static let reports: [Report] = [
        Report(productID: "hv-runner", draft: CounterfeitReportDraft(
            productId: "hv-runner",
            reason: "Our brand protection team bought a pair: the lot number inside the tongue is not one of ours and the sole lacks the moulded logo.",
            reporterName: "Fulton Athletic Inc., brand protection", email: "brand-protection@fulton-athletic.example")),
    ]
}
