import Foundation
import Money

/// The shape every catalogue field must have.
public enum CatalogRules {
    /// Ids merchants choose: lower-case letters, digits and dashes, 2 to 64, starting with a
    /// letter or digit, so they are safe in URLs and file names.
    public static func identifier(_ id: String, field: String) throws(CatalogError) {
        let allowed = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard (2...64).contains(id.count), allowed, id.first != "-" else {
            throw CatalogError(field: field, "use 2 to 64 lower-case letters, digits and dashes")
        }
    }

    public static func text(en: String, zh: String, field: String, limit: Int) throws(CatalogError) -> LocalizedText {
        try plain(en, field: field + "En", limit: limit)
        try plain(zh, field: field + "Zh", limit: limit)
        return LocalizedText(en: en, zh: zh)
    }

    /// Non-empty, at most `limit` characters, no control characters. Markup is allowed as
    /// text: every page escapes what it shows.
    public static func plain(_ text: String, field: String, limit: Int) throws(CatalogError) {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw CatalogError(field: field, "must not be empty") }
        guard text.count <= limit else { throw CatalogError(field: field, "at most \(limit) characters") }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
            throw CatalogError(field: field, "must not contain control characters")
        }
    }

    /// A tariff heading: 6 to 10 digits (HS6 and the national subdivisions).
    public static func hsCode(_ code: String) throws(CatalogError) {
        guard (6...10).contains(code.count), code.allSatisfy({ $0.isASCIIDigit }) else {
            throw CatalogError(field: "hsCode", "an HS code is 6 to 10 digits")
        }
    }

    /// ISO 3166-1 alpha-2, upper case.
    public static func country(_ code: String, field: String) throws(CatalogError) {
        guard code.count == 2, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw CatalogError(field: field, "an ISO 3166 country code such as US or IT")
        }
    }
}
