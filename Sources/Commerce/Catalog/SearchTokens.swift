/// Splits text into the tokens the search indexes hold, the same way for documents and
/// queries and for both databases. Latin letters and digits form words; Chinese, Japanese and
/// Korean text has no spaces, so each run is indexed by its single characters and its
/// overlapping pairs: 加州坚果混合装 holds 坚果, so a search for 坚果 finds it.
public enum SearchTokens {
    /// Every token of a document, each once, in first-seen order.
    public static func document(_ text: String) -> [String] {
        var seen = Set<String>()
        var tokens: [String] = []
        for run in runs(text) {
            let pieces = run.isCJK ? run.characters.map(String.init) + bigrams(run.characters) : [String(run.characters)]
            for piece in pieces where seen.insert(piece).inserted { tokens.append(piece) }
        }
        return tokens
    }

    /// The tokens a query needs all of: words, and for a CJK run its pairs (or the single
    /// character when the run is one character long).
    public static func query(_ text: String) -> [String] {
        var seen = Set<String>()
        var tokens: [String] = []
        for run in runs(text) {
            let pieces = run.isCJK && run.characters.count > 1 ? bigrams(run.characters) : [String(run.characters)]
            for piece in pieces where seen.insert(piece).inserted { tokens.append(piece) }
        }
        return tokens
    }

    struct Run {
        var characters: [Character]
        var isCJK: Bool
    }

    static func runs(_ text: String) -> [Run] {
        var runs: [Run] = []
        for character in text.lowercased() {
            let cjk = isCJK(character)
            let word = cjk || character.isLetter || character.isNumber
            guard word else {
                runs.append(Run(characters: [], isCJK: false))
                continue
            }
            if let last = runs.last, !last.characters.isEmpty, last.isCJK == cjk {
                runs[runs.count - 1].characters.append(character)
            } else {
                runs.append(Run(characters: [character], isCJK: cjk))
            }
        }
        return runs.filter { !$0.characters.isEmpty }
    }

    static func bigrams(_ characters: [Character]) -> [String] {
        guard characters.count > 1 else { return [] }
        return (0..<(characters.count - 1)).map { String(characters[$0...($0 + 1)]) }
    }

    static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
