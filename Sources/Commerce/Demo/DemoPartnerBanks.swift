/// The demo's partner bank: a Florentine bank in the "Marco Polo" plan that introduced the
/// leather workshop in the demo catalogue and now onboards two more of its clients, one
/// approved and one waiting for ops, and gathers them in its flagship store.
public enum DemoPartnerBanks {
    public static let bank = PartnerBankDraft(id: "bank-lungarno", name: "Banca del Lungarno", country: "IT", bic: "LUNGITFFXXX",
                                              attests: ["registry", "bank-account"])
    /// The demo catalogue's merchant the bank introduced before the platform took batches.
    public static let earlierClient = "m-bottega-arno"
    public static let flagship = FlagshipDraft(slug: "lungarno", nameEn: "Lungarno Selection", nameZh: "伦加诺精选",
                                               taglineEn: "Florentine makers, introduced by Banca del Lungarno",
                                               taglineZh: "伦加诺银行推荐的佛罗伦萨匠人")

    public struct Client: Sendable {
        public let client: IntroducedClient
        /// Who at ops approved it; nil while it waits for review.
        public let approvedBy: String?
    }

    /// The bank's clients, attested on `checkedOn` (a day shortly before the demo starts).
    public static func clients(checkedOn: Day) -> [Client] {
        let attestation = { (reference: String) in
            Attestation(checks: ["registry", "bank-account"], checkedOn: checkedOn.description, reference: reference)
        }
        return [
            Client(client: IntroducedClient(reference: "BL-2026-0117", application: MerchantApplication(
                legalName: "Pelletteria Santa Croce S.r.l.", country: "IT", registrationNumber: "06312340489", vatNumber: "IT06312340489",
                address: .init(line1: "Borgo Santa Croce 8", city: "Firenze", postalCode: "50122"),
                representative: .init(name: "Lorenzo Bardi", role: "Amministratore", email: "lorenzo@santacroce.example"),
                owners: [.init(name: "Lorenzo Bardi", sharePercent: 100, nationality: "IT")],
                payout: .init(holderName: "Pelletteria Santa Croce S.r.l.", currency: "EUR", iban: "IT85X0306902887000000012345"),
                brands: ["Santa Croce"], categories: ["bags", "accessories"]), attestation: attestation("KYC-55120")),
                   approvedBy: "Chen Jing"),
            Client(client: IntroducedClient(reference: "BL-2026-0142", application: MerchantApplication(
                legalName: "Ceramiche Oltrarno S.n.c.", country: "IT", registrationNumber: "05987650487", vatNumber: "IT05987650487",
                address: .init(line1: "Via Maggio 31", city: "Firenze", postalCode: "50125"),
                representative: .init(name: "Chiara Conti", role: "Socia", email: "chiara@oltrarno.example"),
                owners: [.init(name: "Chiara Conti", sharePercent: 50, nationality: "IT"), .init(name: "Marta Conti", sharePercent: 50, nationality: "IT")],
                payout: .init(holderName: "Ceramiche Oltrarno S.n.c.", currency: "EUR", iban: "IT91Y0306902887000000067890"),
                brands: ["Oltrarno"], categories: ["home"]), attestation: attestation("KYC-55348")),
                   approvedBy: nil),
        ]
    }
}
