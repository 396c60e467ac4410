import Foundation
import Storage
import Testing

@Suite("SQLite files")
struct SQLiteFileTests {
    @Test("a file that is not a database is refused with a clear error")
    func corruptFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("corrupt-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteStore(path: path)
        } throws: { error in
            if case StoreError.notADatabase(let what) = error { return what.contains(path) }
            return false
        }
    }
}
