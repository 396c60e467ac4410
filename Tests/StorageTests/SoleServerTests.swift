import Foundation
import Storage
import Testing

@Suite("One serving process per SQLite file")
struct SoleServerTests {
    @Test("a second claim on the same file is refused while the first holds; once it is let go the file can be claimed again")
    func claims() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sole-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var first: SoleServer? = try SoleServer(claiming: path)
        #expect(throws: SoleServer.Refusal.alreadyServed(path: path)) { try SoleServer(claiming: path) }
        withExtendedLifetime(first) {}
        first = nil
        #expect(throws: Never.self) { _ = try SoleServer(claiming: path) }
        let other = path + "-other"
        defer { try? FileManager.default.removeItem(atPath: other) }
        let elsewhere = try SoleServer(claiming: other)
        withExtendedLifetime(elsewhere) {}
    }
}
