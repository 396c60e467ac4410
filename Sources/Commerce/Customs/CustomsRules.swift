import Foundation
import Money

/// The dated rules for cross-border retail imports into mainland China, as
/// Reference/customs.json gives them (a test keeps the two equal). An order uses the
/// rules in force on the day of its quote.
public enum CustomsRules {
    /// A value in force from `from` (inclusive) until `to` (inclusive), or with no end.
    public struct Dated<Value: Sendable>: Sendable {
        public let from: Day
        public let to: Day?
        public let value: Value
        public let source: String

        public func covers(_ day: Day) -> Bool { day >= from && (to.map { day <= $0 } ?? true) }
    }

    public struct Limits: Sendable, Equatable {
        public let perTransaction: Money
        public let annual: Money
    }

    public static let personalLimits: [Dated<Limits>] = [
        Dated(from: Day(2016, 4, 8), to: Day(2018, 12, 31),
              value: Limits(perTransaction: cny(2000), annual: cny(20000)), source: "Cai Guan Shui [2016] No. 18"),
        Dated(from: Day(2019, 1, 1), to: nil,
              value: Limits(perTransaction: cny(5000), annual: cny(26000)), source: "Cai Guan Shui [2018] No. 49"),
    ]

    /// From this day a single indivisible item above the per-transaction limit may come in as
    /// a cross-border purchase, taxed in full as general trade (Cai Guan Shui [2018] No. 49);
    /// before it such an order was refused.
    public static let singleItemRuleFrom = Day(2019, 1, 1)

    public static let vatRates: [Dated<ExactDecimal>] = [
        Dated(from: Day(2016, 4, 8), to: Day(2018, 4, 30), value: ExactDecimal(mantissa: 17, scale: 2),
              source: "Import VAT standard rate 17% (before the 2018 reform)"),
        Dated(from: Day(2018, 5, 1), to: Day(2019, 3, 31), value: ExactDecimal(mantissa: 16, scale: 2),
              source: "Cai Shui [2018] No. 32"),
        Dated(from: Day(2019, 4, 1), to: nil, value: ExactDecimal(mantissa: 13, scale: 2),
              source: "Ministry of Finance, SAT, GACC Announcement [2019] No. 39"),
    ]

    /// Consumption tax by HS prefix. Gold, silver, platinum and diamond jewellery carry none
    /// at import (their 5% is charged at retail in China), so they are not listed.
    public struct ConsumptionTax: Sendable {
        public let name: String
        public let hsPrefixes: [String]
        public let rates: [Dated<ExactDecimal>]
        /// The value from which goods under the prefixes count as high-end and carry the tax;
        /// nil when all of them do.
        public var highEnd: [Dated<HighEnd>] = []
    }

    /// What makes goods high-end, measured on the dutiable value with VAT excluded.
    public enum HighEnd: Sendable, Equatable {
        /// At or above these values per ml or g, or per piece (sheet masks), of the net
        /// content: cosmetics.
        case perNetContent(perMilliliterOrGram: Money, perPiece: Money)
        /// At or above this value each: watches.
        case perItem(Money)
    }

    public static let consumptionTaxes: [ConsumptionTax] = [
        ConsumptionTax(name: "high-end cosmetics", hsPrefixes: ["3303", "3304"], rates: [
            Dated(from: Day(2006, 4, 1), to: Day(2016, 9, 30), value: ExactDecimal(mantissa: 30, scale: 2),
                  source: "before the 2016 reform all cosmetics carried 30%"),
            Dated(from: Day(2016, 10, 1), to: nil, value: ExactDecimal(mantissa: 15, scale: 2), source: "Cai Shui [2016] No. 103"),
        ], highEnd: [
            Dated(from: Day(2016, 10, 1), to: nil, value: .perNetContent(perMilliliterOrGram: cny(10), perPiece: cny(15)),
                  source: "Cai Shui [2016] No. 103: 10 CNY or more per ml or g, or 15 CNY or more per piece, VAT excluded"),
        ]),
        ConsumptionTax(name: "high-end watches", hsPrefixes: ["9101", "9102"], rates: [
            Dated(from: Day(2006, 4, 1), to: nil, value: ExactDecimal(mantissa: 20, scale: 2), source: "Cai Shui [2006] No. 33"),
        ], highEnd: [
            Dated(from: Day(2006, 4, 1), to: nil, value: .perItem(cny(10_000)),
                  source: "Cai Shui [2006] No. 33: a sale price of 10,000 CNY or more each, VAT excluded"),
        ]),
        ConsumptionTax(name: "precious jewellery, pearls and jade", hsPrefixes: ["7113", "7116", "7101", "7103"], rates: [
            Dated(from: Day(2006, 4, 1), to: nil, value: ExactDecimal(mantissa: 10, scale: 2), source: "Cai Shui [2006] No. 33"),
        ]),
    ]

    /// Within the limits VAT and consumption tax are collected at 70% of the statutory amount.
    public static let withinLimitShare = ExactDecimal(mantissa: 7, scale: 1)

    public static func limits(on day: Day) -> Limits? { personalLimits.first { $0.covers(day) }?.value }
    public static func vatRate(on day: Day) -> ExactDecimal? { vatRates.first { $0.covers(day) }?.value }

    /// The consumption tax rate for a line on a day: `quantity` items of `netContent` each
    /// (nil when the label's content is not known), worth `dutiableValue` in all. Zero for goods
    /// that carry none, and for goods under a taxed prefix that are not high-end. Goods whose
    /// test needs a net content that is not known are taxed: nothing shows them below it.
    public static func consumptionTaxRate(hsCode: String, on day: Day, dutiableValue: Money, quantity: Int64,
                                          netContent: NetContent?) -> ExactDecimal {
        for tax in consumptionTaxes where tax.hsPrefixes.contains(where: hsCode.hasPrefix) {
            guard let rate = tax.rates.first(where: { $0.covers(day) }) else { continue }
            guard let test = tax.highEnd.first(where: { $0.covers(day) })?.value else { return rate.value }
            return isHighEnd(test, dutiableValue: dutiableValue, quantity: quantity, netContent: netContent)
                ? rate.value : ExactDecimal(mantissa: 0, scale: 0)
        }
        return ExactDecimal(mantissa: 0, scale: 0)
    }

    /// Whether goods under `hsCode` are taxed by their price per ml, g or piece, so that a SKU
    /// must say what it holds.
    public static func needsNetContent(hsCode: String) -> Bool {
        consumptionTaxes.contains { tax in
            tax.hsPrefixes.contains(where: hsCode.hasPrefix)
                && tax.highEnd.contains { if case .perNetContent = $0.value { return true } else { return false } }
        }
    }

    /// value / (quantity × content) ≥ threshold, compared exactly in Int128.
    static func isHighEnd(_ test: HighEnd, dutiableValue: Money, quantity: Int64, netContent: NetContent?) -> Bool {
        let value = Int128(dutiableValue.minorUnits)
        switch test {
        case .perItem(let threshold):
            return value >= Int128(threshold.minorUnits) * Int128(max(quantity, 1))
        case .perNetContent(let perMilliliterOrGram, let perPiece):
            guard let netContent else { return true }
            let threshold = netContent.unit == .pieces ? perPiece : perMilliliterOrGram
            // content is in thousandths of its unit: value × 1000 ≥ threshold × quantity × thousandths
            return value * 1000 >= Int128(threshold.minorUnits) * Int128(max(quantity, 1)) * Int128(netContent.thousandths)
        }
    }

    static func cny(_ yuan: Int64) -> Money { Money(minorUnits: yuan * 100, currency: .CNY) }
}

/// A calendar day in China Standard Time, the day customs rules are dated by.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day in Beijing (UTC+8, no daylight saving) at `instant`.
    public init(beijing instant: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// A day written YYYY-MM-DD, nil for any other text or a day no calendar has.
    public init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              DateComponents(year: year, month: month, day: day).isValidDate(in: Self.counting) else { return nil }
        self.init(year, month, day)
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day {
        let parts = Self.counting.dateComponents([.year, .month, .day], from: midnight.addingTimeInterval(Double(count) * 86_400))
        return Day(parts.year ?? year, parts.month ?? month, parts.day ?? day)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    public func days(to later: Day) -> Int {
        Int((later.midnight.timeIntervalSince(midnight) / 86_400).rounded())
    }

    /// The calendar days are counted in: any zone without daylight saving counts them alike.
    private static var counting: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }

    private var midnight: Date {
        Self.counting.date(from: DateComponents(year: year, month: month, day: day)) ?? .distantPast
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
}
