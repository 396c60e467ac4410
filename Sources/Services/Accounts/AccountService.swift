import Commerce
import Foundation
import HummingbirdBcrypt
import Storage
import Synchronization

/// A buyer's account as the platform knows it.
public struct Consumer: Sendable, Hashable {
    public let id: String
    public let email: String
    public let displayName: String
}

/// A saved delivery address, as pages show it: the mobile number masked.
public struct SavedAddress: Sendable, Hashable {
    public let id: String
    public let province: String
    public let city: String
    public let district: String
    public let street: String
    public let recipient: String
    public let mobileMasked: String
    /// The buyer's default: listed first, chosen first at checkout.
    public var isDefault = false

    public var oneLine: String { "\(province)\(city)\(district)\(street) \(recipient) \(mobileMasked)" }
}

public enum AccountFailure: Error, Equatable, CustomStringConvertible {
    case emailTaken
    case wrongCredentials
    case wrongPassword
    case notFound
    case resetLinkClosed

    public var description: String {
        switch self {
        case .emailTaken: return "an account with this e-mail address exists already"
        case .wrongCredentials: return "the e-mail address or the password is not right"
        case .wrongPassword: return "the present password is not right"
        case .notFound: return "no such address in your account"
        case .resetLinkClosed: return "this reset link has run out or has been used; ask for a new one"
        }
    }
}

/// Sign-up, sign-in with bcrypt-hashed passwords, sessions by token (only hashes stored), and
/// the address book with mobile numbers sealed at rest.
public struct AccountService: Sendable {
    let store: any Store
    let cipher: FieldCipher
    let bcryptCost: UInt8
    /// Live sessions in memory (`serve` keeps them; nil reads every session from the store).
    public var sessions: SessionCache?
    public static let sessionLifetime: TimeInterval = 30 * 24 * 3600

    public init(store: any Store, cipher: FieldCipher, bcryptCost: UInt8 = 12) {
        self.store = store
        self.cipher = cipher
        self.bcryptCost = bcryptCost
    }

    public func signUp(email: String, password: String, displayName: String, at now: Date) async throws -> Consumer {
        let address = try AccountRules.email(email)
        try AccountRules.password(password)
        let name = displayName.trimmingCharacters(in: .whitespaces).isEmpty
            ? String(address.prefix { $0 != "@" }) : try AccountRules.personName(displayName, field: "displayName")
        let consumer = Consumer(id: "c-" + UUID().uuidString.lowercased(), email: address, displayName: name)
        let hash = await PasswordHashing.hash(password, cost: bcryptCost)
        do {
            try await store.apply([.guarded(SQL(
                "INSERT INTO consumers (id, email, password_hash, display_name, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING RETURNING id",
                bind: consumer.id, address, hash, name, now.millisecondsSince1970), conflict: "email taken")])
        } catch StoreError.conflict {
            throw AccountFailure.emailTaken
        }
        return consumer
    }

    /// A new session for the right e-mail and password: the token to hand the buyer.
    public func signIn(email: String, password: String, at now: Date) async throws -> (consumer: Consumer, token: String) {
        let address = (try? AccountRules.email(email)) ?? ""
        let rows = try await store.read(SQL("SELECT * FROM consumers WHERE email = ?", bind: address))
        // Verify against a stand-in hash when there is no such account, so both take as long.
        let stored = try rows.first?.text("password_hash")
        let hash = if let stored { stored } else { await PasswordHashing.standIn(cost: bcryptCost) }
        guard await PasswordHashing.verify(password, hash: hash), let row = rows.first else { throw AccountFailure.wrongCredentials }
        let consumer = try AccountService.consumer(row)
        let token = Secrets.token(prefix: "s_")
        try await store.apply([AccountService.opening(session: token, of: consumer, at: now)])
        return (consumer, token)
    }

    /// The row of a new session: only the token's digest is kept.
    static func opening(session token: String, of consumer: Consumer, at now: Date) -> Change {
        .write(SQL(
            "INSERT INTO sessions (token_hash, consumer_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
            bind: MerchantKeyService.hash(token), consumer.id, now.millisecondsSince1970,
            (now + AccountService.sessionLifetime).millisecondsSince1970))
    }

    /// The consumer a live session belongs to.
    public func consumer(forSession token: String, at now: Date) async throws -> Consumer? {
        guard token.hasPrefix("s_"), token.count < 200 else { return nil }
        let hash = MerchantKeyService.hash(token)
        if let kept = sessions?.consumer(tokenHash: hash, at: now) { return kept }
        let rows = try await store.read(SQL(
            """
            SELECT c.*, s.expires_at AS session_expires_at FROM sessions s JOIN consumers c ON c.id = s.consumer_id
            WHERE s.token_hash = ? AND s.expires_at > ?
            """,
            bind: hash, now.millisecondsSince1970))
        guard let row = rows.first else { return nil }
        let consumer = try AccountService.consumer(row)
        sessions?.keep(consumer, tokenHash: hash, expiresAt: Date(millisecondsSince1970: try row.integer("session_expires_at")))
        return consumer
    }

    public func signOut(token: String) async throws {
        let hash = MerchantKeyService.hash(token)
        try await store.apply([.write(SQL("DELETE FROM sessions WHERE token_hash = ?", bind: hash))])
        sessions?.forget(tokenHash: hash)
    }

    public func addAddress(_ address: DeliveryAddress, for consumer: Consumer, at now: Date) async throws -> SavedAddress {
        let (change, saved) = try inserting(address, for: consumer, preferred: false, at: now)
        try await store.apply([change])
        return saved
    }

    /// An address changed: saved as a new one in place of the old, which goes (orders keep the
    /// copy they were placed with, and a copy of the old one kept in memory for an order no
    /// longer matches a row); the default stays the default.
    public func replaceAddress(_ id: String, with address: DeliveryAddress, for consumer: Consumer, at now: Date) async throws -> SavedAddress {
        guard let old = try await store.read(SQL("SELECT preferred FROM addresses WHERE id = ? AND consumer_id = ?", bind: id, consumer.id)).first else {
            throw AccountFailure.notFound
        }
        let (change, saved) = try inserting(address, for: consumer, preferred: try old.integer("preferred") == 1, at: now)
        do {
            try await store.apply([change, .guarded(SQL("DELETE FROM addresses WHERE id = ? AND consumer_id = ? RETURNING id", bind: id, consumer.id),
                                                    conflict: "no such address")])
        } catch StoreError.conflict {
            throw AccountFailure.notFound
        }
        return saved
    }

    /// Makes one of the buyer's addresses the default.
    public func makeDefault(_ id: String, of consumer: Consumer) async throws {
        do {
            try await store.apply([
                .write(SQL("UPDATE addresses SET preferred = 0 WHERE consumer_id = ? AND preferred = 1", bind: consumer.id)),
                .guarded(SQL("UPDATE addresses SET preferred = 1 WHERE id = ? AND consumer_id = ? RETURNING id", bind: id, consumer.id),
                         conflict: "no such address"),
            ])
        } catch StoreError.conflict {
            throw AccountFailure.notFound
        }
    }

    /// A new address row, sealed and keyed, and the address as the buyer sees it.
    private func inserting(_ address: DeliveryAddress, for consumer: Consumer, preferred: Bool, at now: Date) throws -> (Change, SavedAddress) {
        let id = "a-" + UUID().uuidString.lowercased()
        let masked = AccountRules.masked(mobile: address.mobile)
        let keys = RiskService.keys(of: address, cipher: cipher)
        let change = Change.write(SQL(
            """
            INSERT INTO addresses (id, consumer_id, province, city, district, street, recipient, street_sealed, recipient_sealed,
                recipient_masked, mobile_sealed, mobile_masked, created_at, risk_address, risk_phone, preferred)
            VALUES (?, ?, ?, ?, ?, '', '', ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            bind: id, consumer.id, address.province, address.city, address.district, try cipher.seal(address.street),
            try cipher.seal(address.recipient), IdentityService.maskedName(address.recipient), try cipher.seal(address.mobile), masked,
            now.millisecondsSince1970, keys.address, keys.phone, preferred ? 1 : 0))
        return (change, SavedAddress(id: id, province: address.province, city: address.city, district: address.district,
                                     street: address.street, recipient: address.recipient, mobileMasked: masked, isDefault: preferred))
    }

    /// Removes one of the consumer's addresses. Orders keep the copy they were placed with.
    public func deleteAddress(_ id: String, of consumer: Consumer) async throws {
        do {
            try await store.apply([.guarded(SQL("DELETE FROM addresses WHERE id = ? AND consumer_id = ? RETURNING id", bind: id, consumer.id),
                                            conflict: "no such address")])
        } catch StoreError.conflict {
            throw AccountFailure.notFound
        }
    }

    /// A new password, given the present one; every other session of the account ends, so that
    /// whoever else knew the old password is signed out. `keeping`: the session making the change.
    public func changePassword(of consumer: Consumer, current: String, new: String, keeping token: String?, at now: Date) async throws {
        let rows = try await store.read(SQL("SELECT password_hash FROM consumers WHERE id = ?", bind: consumer.id))
        guard let stored = try rows.first?.text("password_hash"), await PasswordHashing.verify(current, hash: stored) else {
            throw AccountFailure.wrongPassword
        }
        try AccountRules.password(new)
        let hash = await PasswordHashing.hash(new, cost: bcryptCost)
        let kept = MerchantKeyService.hash(token ?? "")
        try await store.apply([
            .guarded(SQL("UPDATE consumers SET password_hash = ? WHERE id = ? AND password_hash = ? RETURNING id", bind: hash, consumer.id, stored),
                     conflict: "the password was changed meanwhile"),
            .write(SQL("DELETE FROM sessions WHERE consumer_id = ? AND token_hash <> ?", bind: consumer.id, kept)),
        ])
        sessions?.forget(sessionsOf: consumer.id, keeping: kept)
    }

    public func addresses(of consumer: Consumer) async throws -> [SavedAddress] {
        try await store.read(SQL("SELECT * FROM addresses WHERE consumer_id = ? ORDER BY preferred DESC, created_at", bind: consumer.id))
            .map(address)
    }

    /// One of the consumer's addresses, with the mobile number opened: for the records that
    /// must carry it (the customs order record), and nowhere else.
    public func address(_ id: String, of consumer: Consumer) async throws -> (saved: SavedAddress, mobile: String) {
        let rows = try await store.read(SQL("SELECT * FROM addresses WHERE id = ? AND consumer_id = ?", bind: id, consumer.id))
        guard let row = rows.first else { throw AccountFailure.notFound }
        return (try address(row), try cipher.open(try row.text("mobile_sealed")))
    }

    static func consumer(_ row: Row) throws -> Consumer {
        Consumer(id: try row.text("id"), email: try row.text("email"), displayName: try row.text("display_name"))
    }

    /// The buyer's own address, opened for the buyer.
    func address(_ row: Row) throws -> SavedAddress {
        SavedAddress(id: try row.text("id"), province: try row.text("province"), city: try row.text("city"),
                     district: try row.text("district"), street: try cipher.open(try row.text("street_sealed")),
                     recipient: try cipher.open(try row.text("recipient_sealed")), mobileMasked: try row.text("mobile_masked"),
                     isDefault: try row.integer("preferred") == 1)
    }

}

/// A bcrypt hash of a random string nobody knows, checked when there is no such account, at the
/// cost real hashes have, so that an unknown address takes as long as a known one and addresses
/// cannot be told apart by time. One per cost, made the first time it is needed.
enum StandInHash {
    private static let made = Mutex<[UInt8: String]>([:])

    static func of(cost: UInt8) -> String {
        made.withLock { hashes in
            if let hash = hashes[cost] { return hash }
            let hash = Bcrypt.hash(UUID().uuidString, cost: cost)
            hashes[cost] = hash
            return hash
        }
    }
}
