/// What a search word means beyond its letters, as the operator keeps it: groups of words that
/// mean the same (almond, almonds, 扁桃仁, 巴旦木), each of which may also take in narrower
/// groups' words (坚果 and nuts take in almond, cashew, pecan…). A word of a group finds every
/// word of it and of what it takes in, and so on down; a narrower word does not find the
/// broader ones, so "almond" finds almonds and not cashews.
public struct SearchSynonyms: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public let id: String
        public let terms: [String]
        /// Words of narrower meaning this group's words also find.
        public let includes: [String]

        public init(id: String, terms: [String], includes: [String] = []) {
            self.id = id
            self.terms = terms
            self.includes = includes
        }
    }

    public let groups: [Group]
    private let groupOfTerm: [String: Int]
    /// The longest term, in characters: how far a run of Chinese is looked into for one.
    private let longest: Int

    public static let none = SearchSynonyms(groups: [])

    public init(groups: [Group]) {
        self.groups = groups
        var index: [String: Int] = [:]
        for (position, group) in groups.enumerated() {
            for term in group.terms { index[SearchSynonyms.normalized(term)] = index[SearchSynonyms.normalized(term)] ?? position }
        }
        groupOfTerm = index
        longest = index.keys.map(\.count).max() ?? 0
    }

    /// Lower case, outer spaces gone, inner runs of spaces one space.
    public static func normalized(_ term: String) -> String {
        term.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What a query asks, as clauses that must all match; a clause holds alternatives, any of
    /// which may; an alternative holds index tokens, all of which must. With no synonyms this is
    /// `SearchTokens.query`, one token a clause.
    public func clauses(_ text: String) -> [[[String]]] {
        var clauses: [[[String]]] = []
        var seen = Set<[[String]]>()
        func add(_ clause: [[String]]) {
            if !clause.isEmpty, seen.insert(clause).inserted { clauses.append(clause) }
        }
        func plain(_ piece: String) {
            for token in SearchTokens.query(piece) { add([[token]]) }
        }
        let whole = SearchSynonyms.normalized(text)
        if let group = groupOfTerm[whole] {
            add(alternatives(of: group))
            return clauses
        }
        for word in whole.split(separator: " ").map(String.init) {
            if let group = groupOfTerm[word] {
                add(alternatives(of: group))
                continue
            }
            // Chinese has no spaces: look inside the word for the longest term at each place.
            let characters = Array(word)
            var pending = ""
            var start = 0
            while start < characters.count {
                let found = stride(from: min(longest, characters.count - start), through: 2, by: -1).lazy
                    .compactMap { length in self.groupOfTerm[String(characters[start..<(start + length)])].map { (length, $0) } }
                    .first
                guard let (length, group) = found, SearchTokens.isCJK(characters[start]) else {
                    pending.append(characters[start])
                    start += 1
                    continue
                }
                plain(pending)
                pending = ""
                add(alternatives(of: group))
                start += length
            }
            plain(pending)
        }
        return clauses
    }

    /// Every word the group finds: its own, what it takes in, and those words' own groups, down.
    private func alternatives(of start: Int) -> [[String]] {
        var visited: Set<Int> = [start]
        var queue = [start]
        var words: [String] = []
        while let next = queue.popLast() {
            let group = groups[next]
            for word in group.terms + group.includes {
                words.append(word)
                if let other = groupOfTerm[SearchSynonyms.normalized(word)], visited.insert(other).inserted { queue.append(other) }
            }
        }
        var seen = Set<[String]>()
        return words.map(SearchTokens.query).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The checks a group passes before it is kept: 1 to 50 words of 1 to 40 characters that
    /// each give the index something to find, none twice, none already another group's.
    public static func validated(_ group: Group, others: [Group]) throws(CatalogError) -> Group {
        let terms = group.terms.map(normalized).filter { !$0.isEmpty }
        var listed = Set<String>()
        let includes = group.includes.map(normalized).filter { !$0.isEmpty && listed.insert($0).inserted }
        guard (1...50).contains(terms.count) else { throw CatalogError(field: "terms", "a group has 1 to 50 words") }
        guard includes.count <= 200 else { throw CatalogError(field: "includes", "a group takes in at most 200 words") }
        for (field, words) in [("terms", terms), ("includes", includes)] {
            for word in words where word.count > 40 || SearchTokens.query(word).isEmpty {
                throw CatalogError(field: field, "\"\(word)\" is not a word the search can find (1 to 40 letters, digits or characters)")
            }
        }
        guard Set(terms).count == terms.count else { throw CatalogError(field: "terms", "a word is listed twice") }
        let taken = Set(others.filter { $0.id != group.id }.flatMap { $0.terms.map(normalized) })
        if let clash = terms.first(where: taken.contains) {
            throw CatalogError(field: "terms", "\"\(clash)\" belongs to another group already; a word means one thing")
        }
        return Group(id: group.id, terms: terms, includes: includes)
    }
}
