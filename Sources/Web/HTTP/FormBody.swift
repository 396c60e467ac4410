import Foundation
import Hummingbird

/// `application/x-www-form-urlencoded` bodies, as HTML forms send them.
enum FormBody {
    static func read(_ request: Request, limit: Int) async throws -> [String: String] {
        parse(String(decoding: try await RequestBody.bytes(request, limit: limit), as: UTF8.self))
    }

    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            guard let name = parts.first else { continue }
            fields[decode(name)] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}
