import Foundation
import Money

/// A sanctions list in the layout of OFAC's SDN list as it publishes it (sdn.csv, no header):
/// entry number, name, type, programme, title, call sign, vessel type, tonnage, gross
/// registered tonnage, vessel flag, vessel owner, remarks; "-0-" where a field is empty.
/// Individuals are written "SURNAME, Given Names". A real list loads the same way.
public struct SanctionsList: Sendable {
    public struct Entry: Sendable, Equatable {
        public enum Kind: String, Sendable { case individual, entity, vessel, aircraft }
        public let number: String
        public let name: String
        public let kind: Kind
        public let programmes: [String]
        public let remarks: String?

        /// The name in reading order: "Given Names SURNAME" for an individual.
        public var readingName: String {
            guard kind == .individual, let comma = name.firstIndex(of: ",") else { return name }
            return String(name[name.index(after: comma)...]) + " " + String(name[..<comma])
        }
    }

    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "sanctions list, line \(line): \(message)" }
    }

    public let entries: [Entry]

    static let columns = ["ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type", "Tonnage", "GRT",
                          "Vess_flag", "Vess_owner", "Remarks"]

    public init(sdnCSV text: String) throws(Problem) {
        let table: CSVTable
        // OFAC ends the file with an end-of-file mark (0x1A) on a line of its own.
        let body = text.replacingOccurrences(of: "\u{1A}", with: "")
        do { table = try CSVTable(parsing: Self.columns.joined(separator: ",") + "\n" + body) } catch {
            throw Problem(line: error.line - 1, message: error.message)
        }
        var entries: [Entry] = []
        for row in table.rows {
            let line = row.line - 1
            // CSVTable holds every row to the header's twelve fields.
            func value(_ index: Int) -> String? {
                let text = row.fields[index].trimmingCharacters(in: .whitespaces)
                return text == "-0-" || text.isEmpty ? nil : text
            }
            guard let number = value(0), let name = value(1) else { throw Problem(line: line, message: "no entry number or name") }
            let kind: Entry.Kind
            switch value(2)?.lowercased() {
            case "individual": kind = .individual
            case "vessel": kind = .vessel
            case "aircraft": kind = .aircraft
            case nil: kind = .entity   // OFAC leaves the type empty for entities
            default: throw Problem(line: line, message: "type '\(row.fields[2])' is not individual, vessel, aircraft or empty")
            }
            entries.append(Entry(number: number, name: name, kind: kind,
                                 programmes: (value(3) ?? "").split(separator: "]").map { $0.filter { $0 != "[" }.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                                 remarks: value(11)))
        }
        self.entries = entries
    }

    /// A name that may be a listed one, and how alike the two are.
    public struct Hit: Sendable, Equatable {
        public let entry: Entry
        public let similarity: Double
    }

    /// The screening rule: the name's words against each entry of the same kind (people
    /// against individuals, businesses against entities) in reading order, by
    /// `NameMatching`; a hit when the words are the same in any order, when every word of a
    /// listed name of two or more words is among the name's (a middle name added, a legal
    /// form dropped), or when they are at least `hitFrom` alike.
    public func screen(_ name: String, person: Bool) -> [Hit] {
        let words = NameMatching.words(name)
        guard !words.isEmpty else { return [] }
        return entries.filter { person ? $0.kind == .individual : $0.kind == .entity }.compactMap { entry in
            let listed = NameMatching.words(entry.readingName)
            guard !listed.isEmpty else { return nil }
            if listed.sorted() == words.sorted() { return Hit(entry: entry, similarity: 1) }
            if listed.count >= 2, Set(listed).isSubset(of: Set(words)) { return Hit(entry: entry, similarity: 1) }
            let similarity = NameMatching.similarity(words, listed)
            return similarity >= Self.hitFrom ? Hit(entry: entry, similarity: similarity) : nil
        }.sorted { $0.similarity > $1.similarity }
    }

    /// Lower than the close-match mark for names: screening would rather have ops clear a
    /// false hit than miss a listed party written another way (transliterations differ).
    public static let hitFrom = 0.90
}
