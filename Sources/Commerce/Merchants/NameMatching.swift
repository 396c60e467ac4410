import Foundation

/// How two names of one business or one person are compared: the registered name against
/// the one applied with, the bank's account holder against the legal name, a name against a
/// sanctions list. Names are folded (case, accents, full-width forms), punctuation goes, "&"
/// is "and", and the words for a legal form ("S.p.A.", "Ltd", "GmbH", "株式会社") are dropped,
/// since registers, banks and lists write them differently; the words that remain are compared
/// in any order, and when they differ, by Jaro-Winkler similarity of the words in order.
public enum NameMatching {
    public enum Outcome: String, Sendable, Equatable {
        case match
        /// Alike but not the same ("Bottega Verdi" and "Botega Verdi"): a person decides.
        case closeMatch = "close-match"
        case noMatch = "no-match"
    }

    /// Jaro-Winkler similarity from which two names are a close match. At 0.92 one typo or a
    /// missing letter in a two-word name is close, a different word is not (the cases in
    /// ApplicationVerificationTests); the US Census Bureau's record linkage work that
    /// introduced the measure used 0.9 to 0.95 for names.
    public static let closeFrom = 0.92

    /// Legal-form words in the languages merchants apply from (after folding, without dots):
    /// the common abbreviations of ISO 20275's entity legal forms.
    static let legalForms: Set<String> = [
        "spa", "srl", "srls", "sapa", "sas", "snc", "ltd", "limited", "plc", "llp", "lp", "inc", "incorporated", "corp",
        "corporation", "co", "company", "llc", "gmbh", "ag", "kg", "ohg", "ug", "ev", "sa", "sarl", "sasu", "eurl", "bv", "nv",
        "oy", "oyj", "ab", "as", "asa", "aps", "kk", "gk", "pte", "pty", "bhd", "sdn", "ltda", "sl", "slu", "kft", "zrt", "sro",
        "spzoo", "jsc", "ooo", "주식회사", "유한회사", "株式会社", "有限会社", "有限公司", "股份有限公司",
    ]

    /// The words of `name` that identify it, folded, in order.
    public static func words(_ name: String) -> [String] {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "&", with: " and ")
        var cleaned = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if scalar == "." || scalar == "'" || scalar == "’" { continue }
            cleaned.append(scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? scalar : " ")
        }
        return String(cleaned).split(separator: " ").map(String.init).filter { !legalForms.contains($0) && $0 != "and" && $0 != "the" }
    }

    public static func compare(_ a: String, _ b: String) -> Outcome {
        let first = words(a), second = words(b)
        guard !first.isEmpty, !second.isEmpty else { return .noMatch }
        if first.sorted() == second.sorted() { return .match }
        return similarity(first, second) >= closeFrom ? .closeMatch : .noMatch
    }

    /// Jaro-Winkler of the names' words joined in order, and in sorted order (for names
    /// written surname first), whichever is higher.
    public static func similarity(_ first: [String], _ second: [String]) -> Double {
        max(jaroWinkler(Array(first.joined(separator: " ")), Array(second.joined(separator: " "))),
            jaroWinkler(Array(first.sorted().joined(separator: " ")), Array(second.sorted().joined(separator: " "))))
    }

    /// Jaro-Winkler of two names' characters as written.
    public static func similarityOfWords(_ a: String, _ b: String) -> Double {
        jaroWinkler(Array(a), Array(b))
    }

    /// Jaro similarity with Winkler's bonus for a common prefix of up to four characters (p = 0.1).
    static func jaroWinkler(_ a: [Character], _ b: [Character]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var aMatched = [Bool](repeating: false, count: a.count)
        var bMatched = [Bool](repeating: false, count: b.count)
        var matches = 0
        for i in a.indices {
            for j in max(0, i - window)..<min(b.count, i + window + 1) where !bMatched[j] && a[i] == b[j] {
                aMatched[i] = true
                bMatched[j] = true
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        let aOrder = a.indices.filter { aMatched[$0] }.map { a[$0] }
        let bOrder = b.indices.filter { bMatched[$0] }.map { b[$0] }
        let transpositions = zip(aOrder, bOrder).filter { $0 != $1 }.count / 2
        let m = Double(matches)
        let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions)) / m) / 3
        let prefix = zip(a, b).prefix(4).prefix { $0 == $1 }.count
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }
}
