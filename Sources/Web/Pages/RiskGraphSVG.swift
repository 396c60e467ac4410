import Commerce
import Foundation
import Money
import Services

/// A case's cluster drawn by the server: identities on an inner ring, what they share (addresses,
/// phones, devices, payers) on an outer one, a line for each identity and attribute its orders
/// used. Labels are the masked forms; the picture needs no script.
enum RiskGraphSVG {
    static let size = 520.0
    /// Past this many nodes of a ring the drawing would be a smear: the tables list them all.
    static let shownPerRing = 80

    static func render(_ detail: RiskCaseService.Detail, language l: Language) -> String {
        let people = Array(detail.identities.prefix(shownPerRing))
        let things = Array(detail.attributes.prefix(shownPerRing))
        let centre = size / 2
        func place(_ index: Int, of count: Int, radius: Double) -> (x: Double, y: Double) {
            let angle = 2 * Double.pi * Double(index) / Double(max(count, 1)) - Double.pi / 2
            return (centre + radius * cos(angle), centre + radius * sin(angle))
        }
        var positions: [String: (x: Double, y: Double)] = [:]
        for (index, person) in people.enumerated() { positions["identity:" + person.key] = place(index, of: people.count, radius: size * 0.22) }
        for (index, thing) in things.enumerated() { positions["\(thing.kind):\(thing.key)"] = place(index, of: things.count, radius: size * 0.42) }
        var edges = Set<String>()
        var lines = ""
        for order in detail.orders {
            guard let from = positions["identity:" + order.identity] else { continue }
            for attribute in order.attributes where edges.insert("\(order.identity)>\(attribute)").inserted {
                guard let to = positions[attribute] else { continue }
                lines += "<line x1=\"\(round(from.x))\" y1=\"\(round(from.y))\" x2=\"\(round(to.x))\" y2=\"\(round(to.y))\"/>"
            }
        }
        let colours = ["address": "#2a4a8a", "phone": "#6a3d9a", "device": "#1b7f5a", "payer": "#b35c00"]
        let nodes = people.map { person -> String in
            let at = positions["identity:" + person.key] ?? (0, 0)
            return "<circle class=\"identity\" cx=\"\(round(at.x))\" cy=\"\(round(at.y))\" r=\"7\" fill=\"\(person.blocked ? "#555" : "#c8102e")\"><title>\(escapeHTML(person.name)) \(escapeHTML(person.number))</title></circle>"
        } + things.map { thing -> String in
            let at = positions["\(thing.kind):\(thing.key)"] ?? (0, 0)
            return "<rect class=\"\(thing.kind)\" x=\"\(round(at.x) - 6)\" y=\"\(round(at.y) - 6)\" width=\"12\" height=\"12\" fill=\"\(colours[thing.kind] ?? "#333")\"><title>\(escapeHTML(RiskPages.W.kind(thing.kind)(l))): \(escapeHTML(thing.label))</title></rect>"
        }
        let legend = (["identity"] + ["address", "phone", "device", "payer"]).enumerated().map { index, kind in
            "<text x=\"8\" y=\"\(16 + index * 16)\" fill=\"\(kind == "identity" ? "#c8102e" : colours[kind] ?? "#333")\">■ \(escapeHTML(RiskPages.W.kind(kind)(l)))</text>"
        }.joined()
        return """
            <svg class="case-graph" viewBox="0 0 \(Int(size)) \(Int(size))" width="100%" style="max-width:\(Int(size))px" role="img" aria-label="\(escapeHTML(RiskPages.W.links(l)))" xmlns="http://www.w3.org/2000/svg">
            <g stroke="#bbb" stroke-width="1">\(lines)</g>\(nodes.joined())<g font-size="12">\(legend)</g></svg>
            """
    }
}
