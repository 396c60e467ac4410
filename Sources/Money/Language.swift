import Foundation

/// The languages the platform speaks. Pages, formats and messages take one of these.
public enum Language: String, Sendable, CaseIterable {
    case zhCN = "zh-CN"
    case en = "en"

    /// The best language for an HTTP Accept-Language header: the highest-weighted tag that
    /// names Chinese or English; Chinese when nothing matches, as the buyers are in China.
    public static func preferred(acceptLanguage header: String?) -> Language {
        guard let header, !header.isEmpty else { return .zhCN }
        var best: (language: Language, weight: Int)?
        for item in header.split(separator: ",") {
            let fields = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = fields.first?.lowercased() else { continue }
            var weight = 1000
            for field in fields.dropFirst() where field.hasPrefix("q=") {
                weight = thousandths(String(field.dropFirst(2))) ?? 0
            }
            let language: Language? = tag.hasPrefix("zh") ? .zhCN : tag.hasPrefix("en") ? .en : nil
            if let language, weight > 0, weight > (best?.weight ?? -1) { best = (language, weight) }
        }
        return best?.language ?? .zhCN
    }

    /// A quality value ("0.8", "1", "0.125") in thousandths, as RFC 9110 allows at most three digits.
    static func thousandths(_ text: String) -> Int? {
        // RFC 9110 allows 0 to 1 only; anything above is no weight, never an overflow.
        guard let value = try? ExactDecimal(parsing: text), value.scale <= 3, value.mantissa >= 0,
              value.mantissa <= powerOfTen(value.scale) else { return nil }
        return Int(value.mantissa * powerOfTen(3 - value.scale))
    }
}
