import Commerce
import Foundation
import Storage

/// A buyer's real-name identity as pages and answers show it: masked.
public struct BuyerIdentity: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Checked and matching: the buyer is pre-approved, the fast lane.
        case verified
        case mismatch
        /// The check could not be made; it is tried again when the buyer asks.
        case unchecked
    }

    public let consumerID: String
    public let nameMasked: String
    public let idMasked: String
    public let mobileMasked: String
    public let status: Status
    public let checkedAt: Date

    public var isPreApproved: Bool { status == .verified }
}

/// ePass enrolment: validates the identity, asks the identity checker, and stores name,
/// number and mobile sealed, with masked copies and a keyed fingerprint of the number.
public struct IdentityService: Sendable {
    let store: any Store
    let cipher: FieldCipher
    let checker: any IdentityChecker

    public init(store: any Store, cipher: FieldCipher, checker: any IdentityChecker) {
        self.store = store
        self.cipher = cipher
        self.checker = checker
    }

    public func enrol(_ consumer: Consumer, name: String, idNumber: String, mobile: String, at now: Date) async throws -> BuyerIdentity {
        let realName = try AccountRules.personName(name, field: "name")
        let number = try ResidentIDNumber(parsing: idNumber, today: Day(beijing: now))
        let phone = try AccountRules.mobile(mobile)
        let status: BuyerIdentity.Status = switch await checker.check(name: realName, idNumber: number.value, mobile: phone) {
        case .match: .verified
        case .mismatch: .mismatch
        case .unavailable: .unchecked
        }
        let nameMasked = IdentityService.maskedName(realName)
        try await store.apply([.write(SQL(
            """
            INSERT INTO buyer_identities (consumer_id, name_sealed, name_masked, id_sealed, id_masked, id_fingerprint,
                mobile_sealed, mobile_masked, status, checked_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (consumer_id) DO UPDATE SET name_sealed = excluded.name_sealed, name_masked = excluded.name_masked,
                id_sealed = excluded.id_sealed, id_masked = excluded.id_masked, id_fingerprint = excluded.id_fingerprint,
                mobile_sealed = excluded.mobile_sealed, mobile_masked = excluded.mobile_masked, status = excluded.status,
                checked_at = excluded.checked_at
            """,
            bind: consumer.id, try cipher.seal(realName), nameMasked, try cipher.seal(number.value), number.masked,
            cipher.fingerprint(number.value), try cipher.seal(phone), AccountRules.masked(mobile: phone), status.rawValue,
            now.millisecondsSince1970, now.millisecondsSince1970))])
        return BuyerIdentity(consumerID: consumer.id, nameMasked: nameMasked, idMasked: number.masked,
                             mobileMasked: AccountRules.masked(mobile: phone), status: status, checkedAt: now)
    }

    public func identity(of consumer: Consumer) async throws -> BuyerIdentity? {
        guard let row = try await store.read(SQL("SELECT * FROM buyer_identities WHERE consumer_id = ?", bind: consumer.id)).first
        else { return nil }
        return BuyerIdentity(
            consumerID: consumer.id, nameMasked: try row.text("name_masked"), idMasked: try row.text("id_masked"),
            mobileMasked: try row.text("mobile_masked"), status: BuyerIdentity.Status(rawValue: try row.text("status")) ?? .unchecked,
            checkedAt: Date(millisecondsSince1970: try row.integer("checked_at")))
    }

    /// "王*明", "L** Lei": the first and last characters kept.
    static func maskedName(_ name: String) -> String {
        let characters = Array(name)
        guard characters.count > 1 else { return "*" }
        guard characters.count > 2 else { return String(characters[0]) + "*" }
        return String(characters[0]) + String(repeating: "*", count: characters.count - 2) + String(characters[characters.count - 1])
    }
}
