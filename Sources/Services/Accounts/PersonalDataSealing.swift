import Foundation
import Storage

/// Rows written before names and streets were sealed (migration 19) still hold them in the
/// clear: at start they are sealed, a masked name written beside, and the plaintext emptied, a
/// batch at a time. Idempotent: a row once sealed is not touched again.
public struct PersonalDataSealing: Sendable {
    let store: any Store
    let cipher: FieldCipher

    public init(store: any Store, cipher: FieldCipher) {
        self.store = store
        self.cipher = cipher
    }

    /// Seals every such row of addresses and orders; returns how many.
    @discardableResult
    public func sealLegacyRows(batch: Int = 1_000) async throws -> Int {
        var sealed = 0
        for table in ["addresses", "orders"] {
            while true {
                let rows = try await store.read(SQL(
                    "SELECT id, recipient, street FROM \(table) WHERE recipient_sealed IS NULL ORDER BY id LIMIT ?", bind: batch))
                guard !rows.isEmpty else { break }
                let changes: [Change] = try rows.map { row in
                    let recipient = try row.text("recipient")
                    return .write(SQL(
                        """
                        UPDATE \(table) SET recipient_sealed = ?, recipient_masked = ?, street_sealed = ?, recipient = '', street = ''
                        WHERE id = ? AND recipient_sealed IS NULL
                        """,
                        bind: try cipher.seal(recipient), IdentityService.maskedName(recipient), try cipher.seal(try row.text("street")),
                        try row.text("id")))
                }
                try await store.apply(changes)
                sealed += rows.count
            }
        }
        return sealed
    }
}
