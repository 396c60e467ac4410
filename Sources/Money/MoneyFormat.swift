import Foundation

/// Shows amounts as people read them and reads them back: "¥1,234.56" in Chinese,
/// "CN¥1,234.56" in English, "US$12.00", "JP¥1,500", "BHD 1.234".
extension Money {
    public func formatted(_ language: Language) -> String {
        let sign = minorUnits < 0 ? "-" : ""
        let text = decimalText
        let unsigned = text.hasPrefix("-") ? String(text.dropFirst()) : text
        return sign + currency.symbol(language) + MoneyGrouping.group(unsigned)
    }

    /// Reads what `formatted(_:)` writes, and also plain "1234.56" or "USD 1234.56".
    public init(formatted text: String, currency: Currency, language: Language) throws(MoneyError) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        let negative = body.first == "-"
        if negative { body = body.dropFirst() }
        for prefix in [currency.symbol(language), currency.code + " ", currency.code] where body.hasPrefix(prefix) {
            body = body.dropFirst(prefix.count)
            break
        }
        guard MoneyGrouping.isWellGrouped(body) else { throw .malformedAmount(text) }
        let plain = body.replacingOccurrences(of: ",", with: "")
        guard !plain.hasPrefix("-"), !plain.hasPrefix("+") else { throw .malformedAmount(text) }
        try self.init(decimal: (negative ? "-" : "") + plain, currency: currency)
    }
}

extension Currency {
    /// The prefix an amount of this currency is shown with. "¥" alone means CNY only to a
    /// Chinese reader; English pages say "CN¥" so that it is not taken for yen.
    public func symbol(_ language: Language) -> String {
        switch (code, language) {
        case ("CNY", .zhCN): return "¥"
        case ("CNY", .en): return "CN¥"
        case ("USD", _): return "US$"
        case ("EUR", _): return "€"
        case ("GBP", _): return "£"
        case ("JPY", _): return "JP¥"
        case ("KRW", _): return "₩"
        case ("HKD", _): return "HK$"
        default: return code + " "
        }
    }
}

/// Thousands separators: "1234567.89" ⇄ "1,234,567.89".
enum MoneyGrouping {
    static func group(_ plain: String) -> String {
        let parts = plain.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer.removeLast(3)
        }
        grouped = integer + grouped
        return parts.count > 1 ? grouped + "." + parts[1] : grouped
    }

    /// Commas, if any, must stand every three digits of the integer part.
    static func isWellGrouped(_ text: Substring) -> Bool {
        let integer = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard integer.contains(",") else { return !text.contains(",") }
        let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
        guard let head = groups.first, (1...3).contains(head.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
            && !text.split(separator: ".", maxSplits: 1).dropFirst().contains { $0.contains(",") }
    }
}
