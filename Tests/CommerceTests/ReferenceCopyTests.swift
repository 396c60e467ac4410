import Foundation
import TestSupport
import Testing

/// The repository stands on its own: the reference data its rules are tested against is its
/// own copy, and nothing it builds, tests or runs in CI reads a path beside the repository.
@Suite("The repository's own reference data")
struct ReferenceCopyTests {
    static let repository = ReferenceFile.folder.deletingLastPathComponent()

    @Test("every reference file lies inside the repository, parses, and names its sources")
    func copiesNameTheirSources() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: ReferenceFile.folder.path).filter { $0.hasSuffix(".json") }
        #expect(names.sorted() == ["currencies.json", "customs.json", "vat_refund.json"])
        #expect(ReferenceFile.folder.standardizedFileURL.path.hasPrefix(Self.repository.standardizedFileURL.path + "/"))
        for name in names {
            let json = try JSONSerialization.jsonObject(with: ReferenceFile.data(name))
            #expect(Self.sourceCount(json) > 0, "\(name) names no source")
        }
    }

    @Test("no source, test, script or README of the repository names a path beside it")
    func nothingReadsOutside() throws {
        // Spelled in pieces, so that this file does not find itself.
        let outside = [".." + "/shared", "shared" + "/reference"]
        var found: [String] = []
        for file in try Self.trackedTextFiles() {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where outside.contains(where: line.contains) && !line.hasSuffix("# outside-ok: optional, never needed") {
                found.append("\(file.path.dropFirst(Self.repository.path.count + 1)):\(number + 1): \(line)")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// How many `source…` keys with a non-empty value the JSON holds, at any depth.
    static func sourceCount(_ json: Any) -> Int {
        if let object = json as? [String: Any] {
            return object.reduce(0) { count, entry in
                let own = entry.key.hasPrefix("source") && !"\(entry.value)".isEmpty ? 1 : 0
                return count + own + sourceCount(entry.value)
            }
        }
        if let array = json as? [Any] { return array.reduce(0) { $0 + sourceCount($1) } }
        return 0
    }

    /// The files that build, test and run the project: Package.swift, the README, and every
    /// file under Sources, Tests, e2e and .ci.
    static func trackedTextFiles() throws -> [URL] {
        var files = [repository.appendingPathComponent("Package.swift"), repository.appendingPathComponent("README.md")]
        for folder in ["Sources", "Tests", "e2e", ".ci"] {
            let root = repository.appendingPathComponent(folder)
            guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walk where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true
                && !url.path.contains("__pycache__") {
                files.append(url)
            }
        }
        return files
    }
}
