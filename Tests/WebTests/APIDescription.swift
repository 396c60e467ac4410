import Foundation
import Web
import Yams

/// The served OpenAPI document, parsed once, and what it says a response must look like.
///
/// `violations` holds a response to its operation: the status must be listed, the content type
/// must be one the status lists, and a JSON body must match the schema. The check is stricter
/// than JSON Schema in one way, on purpose: an object schema must name its properties, and a
/// response field that the schema does not name is a violation, so the document cannot fall
/// behind what the handlers write.
struct APIDescription: Sendable {
    static let served: APIDescription? = try? APIDescription(yaml: OpenAPIDocument.yaml)

    let document: JSONValue
    private let templates: [(path: String, segments: [String], operations: [String: JSONValue])]

    init(yaml: String) throws {
        document = try YAMLDecoder().decode(JSONValue.self, from: yaml)
        templates = (document["paths"]?.members ?? [:]).map { path, entry in
            (path, path.split(separator: "/").map(String.init), entry.members)
        }
    }

    /// The documented path `path` (without its query) is an instance of, for `method`; literal
    /// segments win over parameters, so /products/import is not /products/{id}.
    func template(method: String, path: String) -> String? {
        let segments = path.split(separator: "/").map(String.init)
        let matches = templates.filter { template in
            template.operations[method.lowercased()] != nil && template.segments.count == segments.count
                && zip(template.segments, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
        return matches.max { literals($0.segments) < literals($1.segments) }?.path
    }

    func violations(method: String, path: String, status: Int, contentType: String?, body: [UInt8]) -> [String] {
        guard let template = template(method: method, path: path),
              let operation = document["paths"]?[template]?[method.lowercased()] else { return [] }
        let at = "\(method) \(template) → \(status)"
        guard let listed = operation["responses"]?[String(status)] else { return ["\(at): the status is not documented"] }
        let response = resolved(listed)
        guard let content = response["content"]?.members, !content.isEmpty else {
            return body.isEmpty ? [] : ["\(at): a body came back where the document lists none"]
        }
        let mediaType = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let media = content[mediaType] else { return ["\(at): content type \(mediaType) is not one of \(content.keys.sorted())"] }
        guard mediaType.hasSuffix("json"), let schema = media["schema"] else { return [] }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(body)) else { return ["\(at): the body is not JSON"] }
        return problems(value, schema, at: "").map { "\(at): \($0)" }
    }

    /// Every place in a response schema where an object names neither its properties nor what
    /// its values are: such a schema checks nothing, so no response may have one.
    func bareObjects() -> [String] {
        var found: [String] = []
        for template in templates {
            for (method, operation) in template.operations {
                for (status, listed) in operation["responses"]?.members ?? [:] {
                    for (mediaType, media) in resolved(listed)["content"]?.members ?? [:] where mediaType.hasSuffix("json") {
                        if let schema = media["schema"] { found += bare(schema, at: "\(method) \(template.path) → \(status)", depth: 0) }
                    }
                }
            }
        }
        return found.sorted()
    }

    private func bare(_ node: JSONValue, at place: String, depth: Int) -> [String] {
        let schema = resolved(node)
        guard depth < 16 else { return [] }
        var found: [String] = []
        if schema["type"]?.string == "object", schema["properties"] == nil, schema["additionalProperties"] == nil { found.append(place) }
        for (name, property) in schema["properties"]?.members ?? [:] { found += bare(property, at: "\(place) .\(name)", depth: depth + 1) }
        for child in [schema["items"], schema["additionalProperties"]].compactMap({ $0 }) { found += bare(child, at: place, depth: depth + 1) }
        return found
    }

    private func literals(_ segments: [String]) -> Int { segments.filter { !$0.hasPrefix("{") }.count }

    /// `node` with its `$ref`, if any, followed.
    private func resolved(_ node: JSONValue) -> JSONValue {
        guard let reference = node["$ref"]?.string, reference.hasPrefix("#/") else { return node }
        let target = reference.dropFirst(2).split(separator: "/").reduce(Optional(document)) { $0?[String($1)] }
        return target.map(resolved) ?? .null
    }

    private func problems(_ value: JSONValue, _ node: JSONValue, at pointer: String) -> [String] {
        let schema = resolved(node)
        let here = pointer.isEmpty ? "/" : pointer
        if schema == .null { return ["\(here): the schema reference \(node["$ref"]?.string ?? "") leads nowhere"] }
        var found: [String] = []
        let allowed: Set<String> = switch schema["type"] {
        case .string(let name): [name]
        case .array(let names): Set(names.compactMap(\.string))
        default: []
        }
        if !allowed.isEmpty, value.typeNames.isDisjoint(with: allowed) {
            return ["\(here): \(value.typeNames.sorted().first ?? "") where the schema says \(allowed.sorted())"]
        }
        if let choices = schema["enum"]?.elements, !choices.contains(value) { found.append("\(here): \(value) is not one of \(choices)") }
        switch value {
        case .string(let text):
            if schema["format"]?.string == "date-time", (try? Date(text, strategy: .iso8601)) == nil {
                found.append("\(here): \(text) is not an ISO 8601 date-time")
            }
            if let pattern = schema["pattern"]?.string, let regex = try? Regex(pattern), (try? regex.firstMatch(in: text)) == nil {
                found.append("\(here): \(text) does not match \(pattern)")
            }
        case .array(let elements):
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() { found += problems(element, items, at: "\(pointer)/\(index)") }
            }
        case .object(let members):
            found += objectProblems(members, schema, at: pointer)
        default:
            break
        }
        return found
    }

    private func objectProblems(_ members: [String: JSONValue], _ schema: JSONValue, at pointer: String) -> [String] {
        let here = pointer.isEmpty ? "/" : pointer
        let properties = schema["properties"]?.members
        let additional = schema["additionalProperties"]
        if properties == nil, additional == nil { return ["\(here): the schema is an object that names no properties"] }
        var found = (schema["required"]?.elements ?? []).compactMap(\.string)
            .filter { members[$0] == nil }.map { "\(here): required \($0) is missing" }
        for (key, member) in members {
            if let property = properties?[key] {
                found += problems(member, property, at: "\(pointer)/\(key)")
            } else if let additional, additional != .bool(false) {
                if additional != .bool(true) { found += problems(member, additional, at: "\(pointer)/\(key)") }
            } else {
                found.append("\(here): \(key) is not documented")
            }
        }
        return found
    }
}
