import Foundation
import Storage

/// The settings row that says a part of the demo is loaded. It goes in the transaction that
/// loads the part (or alone, before a part loaded step by step), so that two servers starting
/// together on one database load it once.
enum DemoMarker {
    /// Applies the marker `key` and then `changes`; false, with nothing written, when the part
    /// was loaded already.
    static func apply(_ changes: [Change], marking key: String, to store: any Store, at now: Date) async throws -> Bool {
        do {
            try await store.apply([.guarded(
                SQL("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING RETURNING key", bind: key, now.ISO8601Format()),
                conflict: "\(key) is set: that part of the demo is loaded")] + changes)
            return true
        } catch StoreError.conflict {
            return false
        }
    }
}
