import Foundation

/// The languages the platform speaks. Pages, formats and messages take one of these.
public enum Language: String, Sendable, CaseIterable {
    case zhCN = "zh-CN"
    case en = "en"

    /// The best language for an HTTP Accept-Language header: the highest-weighted tag that
    /// names Chinese or English; Chinese when nothing matches, as the buyers are in China.
    public static func preferred(acceptLanguage header: String?) -> Language {
        guard let header, !header.isEmpty else { return .zhCN }
        var best: (language: Language, weight: Double)?
        for item in header.split(separator: ",") {
            let fields = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = fields.first?.lowercased() else { continue }
            var weight = 1.0
            for field in fields.dropFirst() where field.hasPrefix("q=") {
                weight = Double(field.dropFirst(2)) ?? 0
            }
            let language: Language? = tag.hasPrefix("zh") ? .zhCN : tag.hasPrefix("en") ? .en : nil
            if let language, weight > 0, weight > (best?.weight ?? -1) { best = (language, weight) }
        }
        return best?.language ?? .zhCN
    }
}
