import Commerce
import Foundation
import Storage

public enum PartnerBankFailure: Error, Equatable, CustomStringConvertible {
    case notFound

    public var description: String {
        switch self {
        case .notFound: "no such partner bank"
        }
    }
}

/// Partner banks: made partners by ops, each with its API keys ("bk_…", shown once, kept only
/// as a hash, as merchants' are) and the flagship store it opens.
public struct PartnerBankService: Sendable {
    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// The changes that make `draft` a partner; refused with every problem, or as taken when the id is.
    public func registering(_ draft: PartnerBankDraft, at now: Date) throws -> (changes: [Change], bank: PartnerBank) {
        let bank = try PartnerBankRules.partner(draft)
        return ([.guarded(SQL(
            """
            INSERT INTO partner_banks (id, name, country, bic, attests, created_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING RETURNING id
            """,
            bind: bank.id, bank.name, bank.country, bank.bic, bank.attests.map(\.rawValue).joined(separator: ","), now.millisecondsSince1970),
            conflict: "partner bank \(bank.id) exists already")], bank)
    }

    public func bank(id: String) async throws -> PartnerBank? {
        try await store.read(SQL("SELECT * FROM partner_banks WHERE id = ?", bind: id)).first.map(Self.bank)
    }

    public func banks() async throws -> [PartnerBank] {
        try await store.read(SQL("SELECT * FROM partner_banks ORDER BY id")).map(Self.bank)
    }

    /// The bank whose flagship store is at `slug`.
    public func bank(flagship slug: String) async throws -> PartnerBank? {
        try await store.read(SQL("SELECT * FROM partner_banks WHERE flagship_slug = ?", bind: slug)).first.map(Self.bank)
    }

    /// A new key for the bank: "bk_" and 43 characters of randomness.
    public func issueKey(bankID: String, label: String, at now: Date) async throws -> String {
        guard let key = try await APIKeyTable.banks.issue(owner: bankID, label: label, at: now, in: store) else { throw PartnerBankFailure.notFound }
        return key
    }

    public func keys(of bankID: String) async throws -> [APIKeyView] {
        try await APIKeyTable.banks.keys(of: bankID, in: store)
    }

    /// The changes that revoke the bank's key `keyID` and end the console sessions opened with
    /// it; nil when it has no such live key.
    public func revoking(_ keyID: String, of bankID: String, at now: Date) async throws -> [Change]? {
        try await APIKeyTable.banks.revoking(keyID, of: bankID, at: now, in: store)
    }

    /// The bank a live key belongs to, and the key's public id ("bk-" and twelve hex digits).
    public func bankAndKeyID(forKey key: String) async throws -> (bank: PartnerBank, keyID: String)? {
        try await APIKeyTable.banks.owner(forKey: key, in: store).map { (try Self.bank($0.row), $0.keyID) }
    }

    /// The bank `id`, for a console session opened with its key `keyID`, while that key lives.
    public func bank(id: String, keyID: String) async throws -> PartnerBank? {
        try await APIKeyTable.banks.owner(id: id, keyID: keyID, in: store).map(Self.bank)
    }

    /// The changes that open (or rename) the bank's flagship store; a slug another bank holds is taken.
    public func openingFlagship(_ draft: FlagshipDraft, for bank: PartnerBank, at now: Date) throws -> (changes: [Change], flagship: Flagship) {
        let flagship = try PartnerBankRules.flagship(draft)
        return ([.guarded(SQL(
            """
            UPDATE partner_banks SET flagship_slug = ?, flagship_name_en = ?, flagship_name_zh = ?, flagship_tagline_en = ?,
                flagship_tagline_zh = ?, flagship_opened_at = COALESCE(flagship_opened_at, ?)
            WHERE id = ? AND NOT EXISTS (SELECT 1 FROM partner_banks other WHERE other.flagship_slug = ? AND other.id <> ?) RETURNING id
            """,
            bind: flagship.slug, flagship.name.en, flagship.name.zh, flagship.tagline.en, flagship.tagline.zh, now.millisecondsSince1970,
            bank.id, flagship.slug, bank.id),
            conflict: "the flagship slug \(flagship.slug) is another bank's")], flagship)
    }

    static func bank(_ row: Row) throws -> PartnerBank {
        let flagship: Flagship? = try row.optionalText("flagship_slug").map { slug in
            Flagship(slug: slug, name: LocalizedText(en: try row.optionalText("flagship_name_en") ?? slug, zh: try row.optionalText("flagship_name_zh") ?? slug),
                     tagline: LocalizedText(en: try row.optionalText("flagship_tagline_en") ?? "", zh: try row.optionalText("flagship_tagline_zh") ?? ""))
        }
        return PartnerBank(id: try row.text("id"), name: try row.text("name"), country: try row.text("country"), bic: try row.text("bic"),
                           attests: try row.text("attests").split(separator: ",").compactMap { VerificationCheck(rawValue: String($0)) },
                           flagship: flagship)
    }
}
