import Commerce
import Foundation
import Money

/// Times as people read them: in Beijing for buyers and ops, in the merchant's (or the shop's)
/// zone for merchants, always with the zone named. Machines get ISO 8601 in UTC, in the API and
/// in the pages' `datetime` attributes.
enum ShownTime {
    static let beijing = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
    static let beijingName = LocalizedText(en: "Beijing time", zh: "北京时间")

    /// Where a merchant's country keeps its clocks; a country with several zones shows the one
    /// its commercial capital uses.
    static let countryZones: [String: String] = [
        "US": "America/New_York", "JP": "Asia/Tokyo", "AU": "Australia/Sydney", "CA": "America/Toronto", "HK": "Asia/Hong_Kong",
        "SG": "Asia/Singapore",
    ].merging(Dictionary(uniqueKeysWithValues: TaxFreeRules.countries.map { ($0.code, $0.timeZone) })) { first, _ in first }

    static func format(_ date: Date, zone: TimeZone, name: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
            + " " + name
    }

    static func inBeijing(_ date: Date, _ l: Language) -> String { format(date, zone: beijing, name: beijingName(l)) }

    /// A time in `country`'s zone, named by the zone's id ("Europe/Rome").
    static func inCountry(_ date: Date, _ country: String) -> String {
        let zone = countryZones[country] ?? "UTC"
        return format(date, zone: TimeZone(identifier: zone) ?? .gmt, name: zone)
    }

    /// `<time>` with the instant for machines and the reading for people.
    static func element(_ date: Date, shown: String) -> String {
        "<time datetime=\"\(date.ISO8601Format())\">\(escapeHTML(shown))</time>"
    }
}
