import Commerce
import Foundation
import Storage

/// The operator's synonyms for search: read for every search (a small table), replaced a group
/// at a time, so that an edit changes what the next search finds, with no re-indexing.
public struct SearchSynonymService: Sendable {
    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    public func current() async throws -> SearchSynonyms {
        let rows = try await store.read(SQL("SELECT group_id, word, role FROM search_synonyms ORDER BY group_id, position"))
        var order: [String] = []
        var terms: [String: [String]] = [:]
        var includes: [String: [String]] = [:]
        for row in rows {
            let id = try row.text("group_id")
            if order.last != id { order.append(id) }
            if try row.text("role") == "term" {
                terms[id, default: []].append(try row.text("word"))
            } else {
                includes[id, default: []].append(try row.text("word"))
            }
        }
        return SearchSynonyms(groups: order.map { SearchSynonyms.Group(id: $0, terms: terms[$0] ?? [], includes: includes[$0] ?? []) })
    }

    /// Replaces (or makes) the group `group.id` after its checks; returns it as kept.
    @discardableResult
    public func save(_ group: SearchSynonyms.Group, at now: Date) async throws -> SearchSynonyms.Group {
        guard (1...40).contains(group.id.count), group.id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw CatalogError(field: "id", "a group's id is 1 to 40 letters, digits and hyphens")
        }
        let kept = try SearchSynonyms.validated(group, others: try await current().groups)
        try await store.apply(Self.recording(kept, at: now))
        return kept
    }

    public func delete(_ id: String) async throws {
        try await store.apply([.write(SQL("DELETE FROM search_synonyms WHERE group_id = ?", bind: id))])
    }

    /// The rows of a group, replacing whatever it held.
    static func recording(_ group: SearchSynonyms.Group, at now: Date) -> [Change] {
        let rows = group.terms.map { ("term", $0) } + group.includes.map { ("includes", $0) }
        return [.write(SQL("DELETE FROM search_synonyms WHERE group_id = ?", bind: group.id))] + rows.enumerated().map { position, row in
            .write(SQL("INSERT INTO search_synonyms (group_id, word, role, position, updated_at) VALUES (?, ?, ?, ?, ?)",
                       bind: group.id, row.1, row.0, position, now.millisecondsSince1970))
        }
    }
}
