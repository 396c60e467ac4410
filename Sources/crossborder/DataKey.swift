import Foundation
import Services
import Storage

/// Where the key that seals personal data comes from: the flag, CROSSBORDER_DATA_KEY, or — for
/// an embedded SQLite database only — a key file made once beside the database, readable by
/// its owner alone. A PostgreSQL deployment must be given its key.
enum DataKey {
    static func cipher(flag: String?, database: DatabaseURL) throws -> FieldCipher {
        if let given = flag ?? Environment.value("CROSSBORDER_DATA_KEY") {
            do { return try FieldCipher(base64Key: given) } catch { throw CommandFailure("the data key: \(error)") }
        }
        guard case .sqlite(let path) = database else {
            throw CommandFailure("set CROSSBORDER_DATA_KEY (or --data-key) to the base64 of a 32-byte key for PostgreSQL deployments")
        }
        let file = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("crossborder.key").path
        if let existing = try? String(contentsOfFile: file, encoding: .utf8) {
            do { return try FieldCipher(base64Key: existing.trimmingCharacters(in: .whitespacesAndNewlines)) } catch {
                throw CommandFailure("\(file) does not hold a data key: \(error)")
            }
        }
        let key = FieldCipher.newKey()
        try? FileManager.default.createDirectory(atPath: URL(fileURLWithPath: file).deletingLastPathComponent().path,
                                                 withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: file, contents: Data(key.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CommandFailure("cannot write the data key to \(file)")
        }
        do { return try FieldCipher(base64Key: key) } catch { throw CommandFailure("the new data key: \(error)") }
    }
}
