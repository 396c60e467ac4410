import Commerce
import Testing

@Suite("Search synonyms and broader words")
struct SearchSynonymsTests {
    static let demo = SearchSynonyms(groups: DemoSynonyms.groups)

    static func alternatives(_ synonyms: SearchSynonyms, _ text: String) -> Set<[String]> {
        Set(synonyms.clauses(text).flatMap { $0 })
    }

    @Test("with no synonyms a query is its tokens, each a clause of its own",
          arguments: ["坚果", "加州坚果混合装", "dress watch", "SPF50+ 防晒", "  Loafers  ", "1.13 kg", ""])
    func plain(text: String) {
        #expect(SearchSynonyms.none.clauses(text) == SearchTokens.query(text).map { [[$0]] })
    }

    @Test("a group's word finds every word of the group and of the groups it takes in, in both languages",
          arguments: ["坚果", "nuts", "Nuts", " nut "])
    func broader(text: String) {
        let clauses = Self.demo.clauses(text)
        #expect(clauses.count == 1)
        let found = Self.alternatives(Self.demo, text)
        for group in DemoSynonyms.groups where ["nuts", "almond", "cashew", "pecan", "pistachio", "walnut", "macadamia"].contains(group.id) {
            for term in group.terms { #expect(found.contains(SearchTokens.query(term)), "\(term)") }
        }
    }

    @Test("a narrower word finds its own group's words, not the broader ones nor its neighbours")
    func narrower() {
        let found = Self.alternatives(Self.demo, "almond")
        #expect(found.contains(SearchTokens.query("扁桃仁")) && found.contains(["almonds"]))
        #expect(!found.contains(["nuts"]) && !found.contains(["cashew"]) && !found.contains(SearchTokens.query("坚果")))
    }

    @Test("Chinese without spaces: a group's word inside a longer run is found, the rest stays as it was")
    func insideChinese() {
        let clauses = Self.demo.clauses("加州坚果")
        #expect(clauses.contains([["加州"]]))
        #expect(clauses.contains { $0.contains(SearchTokens.query("坚果")) && $0.contains(["nuts"]) })
        #expect(!clauses.contains([["州坚"]]), "no pair across the found word")
    }

    @Test("a multi-word term is one word of its group", arguments: ["skin care", "Skin  Care"])
    func multiWord(text: String) {
        #expect(Self.demo.clauses(text).count == 1)
        #expect(Self.alternatives(Self.demo, text).contains(SearchTokens.query("护肤")))
    }

    @Test("a group is refused with the field at fault: no words, a word twice, one another group has, one the search cannot find",
          arguments: [(SearchSynonyms.Group(id: "x", terms: []), "terms"),
                      (SearchSynonyms.Group(id: "x", terms: ["figs", "Figs"]), "terms"),
                      (SearchSynonyms.Group(id: "x", terms: ["figs", "腰果"]), "terms"),
                      (SearchSynonyms.Group(id: "x", terms: ["figs"], includes: ["!!"]), "includes"),
                      (SearchSynonyms.Group(id: "x", terms: [String(repeating: "f", count: 41)]), "terms")])
    func refused(group: SearchSynonyms.Group, field: String) {
        #expect(throws: CatalogError.self) { try SearchSynonyms.validated(group, others: DemoSynonyms.groups) }
        do {
            _ = try SearchSynonyms.validated(group, others: DemoSynonyms.groups)
        } catch {
            #expect(error.field == field)
        }
    }

    @Test("the demo's groups pass their own checks")
    func demoValid() throws {
        for group in DemoSynonyms.groups { _ = try SearchSynonyms.validated(group, others: DemoSynonyms.groups) }
    }
}
