import Foundation
import Storage
import Testing

@Suite("SQLite files")
struct SQLiteFileTests {
    @Test("the database, its log and its shared memory are readable by their owner alone, new or old")
    func ownerOnly() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("perm-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        func mode(_ file: String) -> Int? { (try? FileManager.default.attributesOfItem(atPath: file))?[.posixPermissions] as? Int }
        let store = try SQLiteStore(path: path)
        try await store.apply([.write(SQL("CREATE TABLE t (n INTEGER)"))])
        for file in [path, path + "-wal", path + "-shm"] { #expect(mode(file) == 0o600, "\(file): \(String(mode(file) ?? 0, radix: 8))") }
        await store.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let reopened = try SQLiteStore(path: path)
        #expect(mode(path) == 0o600, "an existing world-readable file is brought down to its owner")
        await reopened.close()
    }

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

    @Test("the write-ahead log is copied into the database file by the checkpointer, not left for the writer's backstop")
    func checkpointsInTheBackground() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        let store = try SQLiteStore(path: path)
        try await store.apply([.write(SQL("CREATE TABLE pages (n INTEGER PRIMARY KEY, body BLOB)"))])
        func size(_ file: String) -> Int { ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0 }
        let empty = size(path)
        // Two MiB in small commits: far below the writer's own checkpoint size.
        for n in 0..<512 {
            try await store.apply([.write(SQL("INSERT INTO pages (n, body) VALUES (?, ?)", [.integer(Int64(n)), .blob(Array(repeating: 7, count: 4096))]))])
        }
        var waited = 0
        while size(path) < empty + 2 << 20, waited < 100 {
            try await Task.sleep(for: .milliseconds(50))
            waited += 1
        }
        #expect(size(path) >= empty + 2 << 20, "the database file holds the rows written to the log")
        await store.close()
    }
}
