import Foundation
@testable import Storage
import Testing

@Suite("Placeholders for PostgreSQL")
struct PlaceholderTests {
    @Test("each ? outside quotes becomes $n in order; quoted ones and other characters stay as they are")
    func numbering() {
        let sql = SQL(#"SELECT '?', "a?b", name FROM t WHERE x = ? AND note = '价格?' AND y IN (?, ?) -- 测试"#)
        let numbered = sql.numberedPlaceholders
        #expect(numbered.split(separator: "$").count - 1 == 3)
        #expect(numbered.contains("x = $1") && numbered.contains("IN ($2, $3)"))
        #expect(numbered.replacingOccurrences(of: "$1", with: "?").replacingOccurrences(of: "$2", with: "?")
            .replacingOccurrences(of: "$3", with: "?") == sql.text, "nothing else changed, multi-byte text included")
        let many = SQL(Array(repeating: "?", count: 12).joined(separator: ","))
        #expect(many.numberedPlaceholders.hasSuffix("$11,$12"))
    }
}
