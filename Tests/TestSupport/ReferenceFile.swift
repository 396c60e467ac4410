import Foundation

/// The shared reference folder (../shared/reference beside the repository), where the figures
/// our rules must reproduce are kept with their sources.
public enum ReferenceFile {
    public static func data(_ name: String) throws -> Data {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = repository.deletingLastPathComponent().appendingPathComponent("shared/reference/\(name)")
        return try Data(contentsOf: url)
    }
}
