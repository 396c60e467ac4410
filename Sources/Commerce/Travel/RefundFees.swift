import Money

/// What the refund operator keeps of the VAT, by country and by the band the purchase falls in:
/// a share of the VAT, never less than a floor per form. Dated, so that a form uses the
/// schedule in force on its purchase date.
public enum RefundFees {
    public struct Band: Sendable, Equatable {
        /// The band covers purchases from this amount (inclusive) up to the next band's start.
        public let from: Money
        public let shareOfVAT: ExactDecimal
    }

    public struct Schedule: Sendable {
        public let country: String
        public let bands: [Band]
        /// The least fee on a form, when the VAT is larger than it.
        public let floor: Money
    }

    public static let source = """
        The sandbox operator's schedule, shaped as the operators publish theirs: they keep 30–50 % of the VAT, \
        so a traveller receives roughly 10–17 % of the price (Reference/vat_refund.json, "operators")
        """

    public static let schedules: [TaxFreeRules.Dated<[Schedule]>] = [
        TaxFreeRules.Dated(from: Day(2014, 7, 1), to: nil, value: [
            euro("FR"), euro("DE"), euro("IT"), euro("ES"), euro("NL"),
            Schedule(country: "CH", bands: bands(.CHF, [(0, "0.45"), (100_000, "0.35"), (500_000, "0.25")]),
                     floor: Money(minorUnits: 500, currency: .CHF)),
            Schedule(country: "KR", bands: bands(.KRW, [(0, "0.40"), (500_000, "0.30"), (2_000_000, "0.20")]),
                     floor: Money(minorUnits: 1_000, currency: .KRW)),
            Schedule(country: "GB", bands: bands(.GBP, [(0, "0.45"), (50_000, "0.35"), (200_000, "0.25")]),
                     floor: Money(minorUnits: 300, currency: .GBP)),
        ], source: source),
    ]

    static func euro(_ country: String) -> Schedule {
        Schedule(country: country, bands: bands(.EUR, [(0, "0.45"), (50_000, "0.35"), (200_000, "0.25")]),
                 floor: Money(minorUnits: 300, currency: .EUR))
    }

    static func bands(_ currency: Currency, _ rows: [(minor: Int64, share: StaticString)]) -> [Band] {
        rows.map { Band(from: Money(minorUnits: $0.minor, currency: currency), shareOfVAT: TaxFreeRules.rate($0.share)) }
    }

    public static func schedule(for country: String, on day: Day) -> Schedule? {
        schedules.first { $0.covers(day) }?.value.first { $0.country == country }
    }
}
