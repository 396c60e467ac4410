import Foundation
import Money

/// Tourist VAT refund rules of the countries where the platform pays refunds into the
/// traveller's wallet, as Reference/vat_refund.json gives them (a test keeps the two equal), with
/// the few figures the reference leaves out added with their own sources. A claim uses the rules
/// in force on its purchase date, in the shop's country.
public enum TaxFreeRules {
    public typealias Dated = CustomsRules.Dated

    /// How the minimum purchase is counted.
    public enum Counting: String, Sendable, Equatable {
        /// One invoice must reach it.
        case perInvoice = "one invoice"
        /// The traveller's purchases at one store on one day count together.
        case perStorePerDay = "one store, one day"
    }

    /// When the goods must have left, as each country words it.
    public enum ExportDeadline: Sendable, Equatable {
        /// The last day of the n-th month after the month of purchase.
        case endOfMonthAfterPurchaseMonth(Int)
        /// The same day n months later (the month's last day where it is shorter).
        case monthsAfterPurchase(Int)
        case daysAfterPurchase(Int)
    }

    /// Korea's in-store instant refund: a purchase above the first, or a trip's purchases above
    /// the second, are refunded only once customs confirms the export.
    public struct InstantRefundCaps: Sendable, Equatable {
        public let perPurchase: Money
        public let perTrip: Money
    }

    public struct Country: Sendable {
        public let code: String
        public let currency: Currency
        /// Where a purchase's day and deadline are reckoned.
        public let timeZone: String
        public let vatRates: [Dated<ExactDecimal>]
        public let minimums: [Dated<Money>]
        public let counting: Counting
        public let deadlines: [Dated<ExportDeadline>]
        /// When the scheme exists at all (the United Kingdom withdrew it).
        public let scheme: [Dated<Bool>]
        /// The export validation system its customs use.
        public let validation: String
        public let instantRefundCaps: [Dated<InstantRefundCaps>]
        /// A traveller resident in one of these is not eligible.
        public let residentsExcluded: Set<String>
        public let sources: [String]

        public func vatRate(on day: Day) -> ExactDecimal? { vatRates.first { $0.covers(day) }?.value }
        public func minimum(on day: Day) -> Money? { minimums.first { $0.covers(day) }?.value }
        public func deadline(on day: Day) -> ExportDeadline? { deadlines.first { $0.covers(day) }?.value }
        public func schemeAvailable(on day: Day) -> Bool { scheme.first { $0.covers(day) }?.value ?? false }
        public func caps(on day: Day) -> InstantRefundCaps? { instantRefundCaps.first { $0.covers(day) }?.value }
    }

    /// The member states of the European Union: a resident of any of them cannot claim in one.
    public static let europeanUnion: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL",
        "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ]

    public static func country(_ code: String) -> Country? { countries.first { $0.code == code } }

    static func eur(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .EUR) }
    static func rate(_ text: StaticString) -> ExactDecimal {
        // safe: every literal below is a plain decimal, and a test loads each of them
        (try? ExactDecimal(parsing: "\(text)")) ?? ExactDecimal(mantissa: 0, scale: 0)
    }
    static let always = Day(2011, 1, 1)
    static let reference = "Reference/vat_refund.json"

    public static let countries: [Country] = [
        Country(
            code: "FR", currency: .EUR, timeZone: "Europe/Paris",
            vatRates: [Dated(from: always, to: nil, value: rate("0.20"), source: reference)],
            minimums: [
                Dated(from: Day(2015, 1, 1), to: Day(2021, 12, 31), value: eur(17501), source: "\(reference) (date of the change unconfirmed)"),
                Dated(from: Day(2022, 1, 1), to: nil, value: eur(10001), source: reference),
            ],
            counting: .perStorePerDay,
            deadlines: [Dated(from: always, to: nil, value: .endOfMonthAfterPurchaseMonth(3), source: "3 months after the purchase month")],
            scheme: [Dated(from: always, to: nil, value: true, source: reference)],
            validation: "PABLO", instantRefundCaps: [], residentsExcluded: europeanUnion,
            sources: ["moa.douane.gouv.fr make-tax-free-sale", "globalblue.com tax-free-shopping/france"]),
        Country(
            code: "DE", currency: .EUR, timeZone: "Europe/Berlin",
            vatRates: [
                Dated(from: always, to: Day(2020, 6, 30), value: rate("0.19"), source: reference),
                Dated(from: Day(2020, 7, 1), to: Day(2020, 12, 31), value: rate("0.16"),
                      source: "Zweites Corona-Steuerhilfegesetz, 29 June 2020: 16 % from 1 July to 31 December 2020 (not in the reference)"),
                Dated(from: Day(2021, 1, 1), to: nil, value: rate("0.19"), source: reference),
            ],
            minimums: [
                Dated(from: Day(2015, 1, 1), to: Day(2019, 12, 31), value: eur(2500), source: "\(reference) (unconfirmed earlier floor)"),
                Dated(from: Day(2020, 1, 1), to: nil, value: eur(5001), source: reference),
            ],
            counting: .perInvoice,
            deadlines: [Dated(from: always, to: nil, value: .endOfMonthAfterPurchaseMonth(3),
                              source: "last day of the 3rd month after the purchase month")],
            scheme: [Dated(from: always, to: nil, value: true, source: reference)],
            validation: "customs stamp", instantRefundCaps: [], residentsExcluded: europeanUnion, sources: ["zoll.de tax-free-shopping"]),
        Country(
            code: "IT", currency: .EUR, timeZone: "Europe/Rome",
            vatRates: [Dated(from: always, to: nil, value: rate("0.22"), source: reference)],
            minimums: [
                Dated(from: Day(2015, 1, 1), to: Day(2024, 1, 31), value: eur(15495), source: reference),
                Dated(from: Day(2024, 2, 1), to: nil, value: eur(7001), source: reference),
            ],
            counting: .perInvoice,
            deadlines: [Dated(from: always, to: nil, value: .monthsAfterPurchase(3), source: "3 months")],
            scheme: [Dated(from: always, to: nil, value: true, source: reference)],
            validation: "OTELLO 2.0", instantRefundCaps: [], residentsExcluded: europeanUnion,
            sources: ["ggi.com reduction in the Italian threshold"]),
        Country(
            code: "ES", currency: .EUR, timeZone: "Europe/Madrid",
            vatRates: [Dated(from: always, to: nil, value: rate("0.21"), source: reference)],
            minimums: [
                Dated(from: Day(2015, 1, 1), to: Day(2018, 7, 31), value: eur(9016), source: reference),
                Dated(from: Day(2018, 8, 1), to: nil, value: eur(0), source: "\(reference): no minimum since July 2018"),
            ],
            counting: .perInvoice,
            deadlines: [Dated(from: always, to: nil, value: .endOfMonthAfterPurchaseMonth(3), source: "end of the 3rd month after the purchase month")],
            scheme: [Dated(from: always, to: nil, value: true, source: reference)],
            validation: "DIVA", instantRefundCaps: [], residentsExcluded: europeanUnion, sources: ["globalblue.com destinations/spain"]),
        Country(
            code: "NL", currency: .EUR, timeZone: "Europe/Amsterdam",
            vatRates: [Dated(from: always, to: nil, value: rate("0.21"), source: reference)],
            minimums: [Dated(from: Day(2015, 1, 1), to: nil, value: eur(5000), source: reference)],
            counting: .perStorePerDay,
            deadlines: [Dated(from: always, to: nil, value: .endOfMonthAfterPurchaseMonth(3), source: "end of the 3rd month after the purchase month")],
            scheme: [Dated(from: always, to: nil, value: true, source: reference)],
            validation: "customs validation (system unconfirmed)", instantRefundCaps: [], residentsExcluded: europeanUnion,
            sources: ["traveller.vatfree.com Netherlands"]),
        Country(
            code: "CH", currency: .CHF, timeZone: "Europe/Zurich",
            vatRates: [
                Dated(from: Day(2011, 1, 1), to: Day(2017, 12, 31), value: rate("0.08"), source: reference),
                Dated(from: Day(2018, 1, 1), to: Day(2023, 12, 31), value: rate("0.077"), source: reference),
                Dated(from: Day(2024, 1, 1), to: nil, value: rate("0.081"), source: reference),
            ],
            minimums: [Dated(from: Day(2015, 1, 1), to: nil, value: Money(minorUnits: 30000, currency: .CHF), source: reference)],
            counting: .perStorePerDay,
            deadlines: [
                Dated(from: Day(2015, 1, 1), to: Day(2020, 7, 31), value: .daysAfterPurchase(30), source: reference),
                Dated(from: Day(2020, 8, 1), to: nil, value: .daysAfterPurchase(90), source: reference),
            ],
            scheme: [Dated(from: always, to: nil, value: true, source: reference)],
            validation: "customs stamp", instantRefundCaps: [], residentsExcluded: ["CH", "LI"],
            sources: ["bazg.admin.ch", "vatupdate.com 2024-01-03"]),
        Country(
            code: "KR", currency: .KRW, timeZone: "Asia/Seoul",
            vatRates: [Dated(from: always, to: nil, value: rate("0.10"), source: reference)],
            minimums: [Dated(from: Day(2015, 1, 1), to: nil, value: Money(minorUnits: 30000, currency: .KRW),
                             source: "\(reference): sources disagree (15,000 or 30,000); 30,000 kept")],
            counting: .perStorePerDay,
            deadlines: [Dated(from: always, to: nil, value: .monthsAfterPurchase(3), source: "3 months")],
            scheme: [Dated(from: always, to: nil, value: true, source: reference)],
            validation: "electronic customs confirmation",
            instantRefundCaps: [
                Dated(from: Day(2016, 1, 1), to: Day(2023, 12, 31),
                      value: InstantRefundCaps(perPurchase: Money(minorUnits: 500_000, currency: .KRW), perTrip: Money(minorUnits: 2_500_000, currency: .KRW)),
                      source: reference),
                Dated(from: Day(2024, 1, 1), to: nil,
                      value: InstantRefundCaps(perPurchase: Money(minorUnits: 1_000_000, currency: .KRW), perTrip: Money(minorUnits: 5_000_000, currency: .KRW)),
                      source: "\(reference) (koreaherald 2023-11-27)"),
            ],
            residentsExcluded: ["KR"], sources: ["english.visitseoul.net/taxrefund", "koreaherald 2023-11-27"]),
        Country(
            code: "GB", currency: .GBP, timeZone: "Europe/London",
            vatRates: [Dated(from: always, to: nil, value: rate("0.20"), source: reference)],
            minimums: [Dated(from: always, to: nil, value: Money(minorUnits: 0, currency: .GBP),
                             source: "VAT Retail Export Scheme: the minimum was set by the retailer")],
            counting: .perInvoice,
            deadlines: [Dated(from: always, to: nil, value: .endOfMonthAfterPurchaseMonth(3),
                              source: "VAT Notice 704: exported by the last day of the third month following the month of purchase (not in the reference)")],
            scheme: [
                Dated(from: Day(2015, 1, 1), to: Day(2020, 12, 31), value: true, source: "VAT Retail Export Scheme"),
                Dated(from: Day(2021, 1, 1), to: nil, value: false, source: "gov.uk Revenue and Customs Brief 21 (2020): withdrawn in Great Britain"),
            ],
            validation: "VAT Retail Export Scheme (withdrawn)", instantRefundCaps: [], residentsExcluded: europeanUnion.union(["GB"]),
            sources: ["gov.uk Revenue and Customs Brief 21 (2020)"]),
    ]
}
