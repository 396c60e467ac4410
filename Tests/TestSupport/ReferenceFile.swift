import Foundation

/// The repository's own copy of the reference data (Reference/ at its root), where the figures
/// our rules must reproduce are kept with their sources. Only this copy is read, so a clone of
/// the repository alone passes its tests.
public enum ReferenceFile {
    /// Reference/ in the repository this file was compiled from.
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Reference", isDirectory: true)

    public static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }
}
