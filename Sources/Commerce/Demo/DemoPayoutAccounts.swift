/// Where the demo merchants are paid, and the commission each pays. IBANs are the published
/// test IBANs of their countries; merchants from countries without IBANs have a domestic
/// account number and their bank's BIC.
public enum DemoPayoutAccounts {
    public struct Entry: Sendable {
        public let merchantID: String
        public let holder: String
        public let iban: String?
        public let accountNumber: String?
        public let bic: String
        public let commissionBasisPoints: Int64
    }

    public static let entries: [Entry] = [
        Entry(merchantID: "m-hudson-vine", holder: "Hudson & Vine Inc.", iban: nil, accountNumber: "021000021-4429871", bic: "CHASUS33",
              commissionBasisPoints: 500),
        Entry(merchantID: "m-bottega-arno", holder: "Bottega Arno S.r.l.", iban: "IT60X0542811101000000123456", accountNumber: nil,
              bic: "BPMOIT22", commissionBasisPoints: 800),
        Entry(merchantID: "m-pacific-pantry", holder: "Pacific Pantry Club LLC", iban: nil, accountNumber: "121000248-7730012",
              bic: "WFBIUS6S", commissionBasisPoints: 400),
        Entry(merchantID: "m-seoul-dew", holder: "Seoul Dew Cosmetics Co., Ltd.", iban: nil, accountNumber: "110-432-998812",
              bic: "SHBKKRSE", commissionBasisPoints: 600),
        Entry(merchantID: "m-vallee", holder: "Horlogerie Vallée SA", iban: "CH9300762011623852957", accountNumber: nil,
              bic: "UBSWCHZH80A", commissionBasisPoints: 300),
    ]
}
