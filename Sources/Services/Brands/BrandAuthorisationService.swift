import Commerce
import Foundation
import Storage

/// An authorisation as ops' queue lists it: what was filed, by whom, and how it was reviewed.
public struct FiledAuthorisation: Sendable {
    public let authorisation: BrandAuthorisation
    public let merchantName: String
    public let filedAt: Date
    public let reviewer: String?
    public let reviewNote: String?
    public let reviewedAt: Date?
}

public enum BrandFailure: Error, Equatable, CustomStringConvertible {
    case notFound
    /// Reviewed already: a second verdict would overwrite the first.
    case reviewed(BrandAuthorisation.Status)
    case noteRequired

    public var description: String {
        switch self {
        case .notFound: "no such authorisation"
        case .reviewed(let status): "it is \(status.rawValue) already"
        case .noteRequired: "say why: the merchant sees the note"
        }
    }
}

/// Brand authorisations: filed by merchants, reviewed by ops, and the rule that a branded
/// product is on sale only while one holds for it.
public struct BrandAuthorisationService: Sendable {
    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// The changes that file `draft` for `merchantID`, pending ops' review, and what was filed.
    public func filing(_ draft: BrandAuthorisationDraft, for merchantID: String, at now: Date) throws
        -> (changes: [Change], authorisation: BrandAuthorisation) {
        let filed = try BrandRules.filed(draft, id: "ba-" + Secrets.token().prefix(16).lowercased(), merchantID: merchantID,
                                         on: Day(beijing: now))
        return ([Self.recording(filed, at: now)], filed)
    }

    /// The row of `authorisation`, filed at `now`; one recorded as accepted already (the demo's)
    /// names `reviewer`.
    static func recording(_ filed: BrandAuthorisation, at now: Date, reviewer: String? = nil) -> Change {
        .write(SQL(
            """
            INSERT INTO brand_authorisations (id, merchant_id, brand, brand_key, kind, owner, office, registration_number, classes,
                valid_from, valid_until, status, filed_at, reviewer, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            bind: filed.id, filed.merchantID, filed.brand, BrandRules.key(filed.brand), filed.kind.rawValue, filed.owner, filed.office,
            filed.registrationNumber, Self.classesText(filed.classes), filed.validFrom.description, filed.validUntil.description,
            filed.status.rawValue, now.millisecondsSince1970, reviewer, reviewer.map { _ in now.millisecondsSince1970 }))
    }

    /// A merchant's authorisations, newest first.
    public func authorisations(of merchantID: String) async throws -> [FiledAuthorisation] {
        try await filed(where: "a.merchant_id = ?", [.text(merchantID)])
    }

    /// Ops' queue: every merchant's filings in `status` (all when nil), oldest first for pending.
    public func queue(status: BrandAuthorisation.Status?) async throws -> [FiledAuthorisation] {
        guard let status else { return try await filed(where: "1 = 1", []) }
        return try await filed(where: "a.status = ?", [.text(status.rawValue)]).reversed()
    }

    public func authorisation(_ id: String) async throws -> FiledAuthorisation {
        guard let found = try await filed(where: "a.id = ?", [.text(id)]).first else { throw BrandFailure.notFound }
        return found
    }

    /// Ops' verdict on a pending filing; a rejection says why. Accepting one puts the products it
    /// covers back on sale at the next `coverageRound` (the review routes run one at once), and
    /// lets a save publish them.
    public func reviewing(_ id: String, as verdict: BrandAuthorisation.Status, signed: ReviewerNote, at now: Date) async throws -> [Change] {
        let current = try await authorisation(id)
        guard current.authorisation.status == .pending else { throw BrandFailure.reviewed(current.authorisation.status) }
        if verdict == .rejected && signed.note == nil { throw BrandFailure.noteRequired }
        return [.guarded(SQL(
            "UPDATE brand_authorisations SET status = ?, reviewer = ?, review_note = ?, reviewed_at = ? WHERE id = ? AND status = 'pending' RETURNING id",
            bind: verdict.rawValue, signed.reviewer, signed.note, now.millisecondsSince1970, id),
            rows: 1, conflict: "authorisation \(id) was reviewed meanwhile")]
    }

    /// The first of `products` (by index) its merchant may not sell today, and why.
    public func firstUncovered(_ products: [Product], of merchantID: String, at now: Date) async throws
        -> (index: Int, coverage: BrandRules.Coverage)? {
        guard products.contains(where: { !BrandRules.isUnbranded($0.brand) }) else { return nil }
        let held = try await authorisations(of: merchantID).map(\.authorisation)
        let today = Day(beijing: now)
        for (index, product) in products.enumerated() {
            let coverage = BrandRules.coverage(brand: product.brand, hsCode: product.hsCode, by: held, on: today)
            if !coverage.allowsSale { return (index, coverage) }
        }
        return nil
    }

    /// Takes off sale every branded product no authorisation holds for today, and puts back
    /// those withdrawn for that reason that one now covers. Returns how many moved each way.
    @discardableResult
    public func coverageRound(at now: Date) async throws -> (withdrawn: Int, restored: Int) {
        let rows = try await store.read(SQL(
            """
            SELECT p.id, p.brand, p.hs_code, s.merchant_id, p.withdrawn_reason FROM products p JOIN stores s ON s.id = p.store_id
            WHERE p.withdrawn_reason IS NULL OR p.withdrawn_reason = ?
            """, bind: ProductWithdrawal.Reason.brandLapsed.rawValue))
        let held = Dictionary(grouping: try await filed(where: "a.status = 'accepted'", []).map(\.authorisation), by: \.merchantID)
        let today = Day(beijing: now)
        var withdraw: [String] = [], restore: [String] = []
        for row in rows {
            let coverage = BrandRules.coverage(brand: try row.text("brand"), hsCode: try row.text("hs_code"),
                                               by: held[try row.text("merchant_id")] ?? [], on: today)
            let withdrawn = try row.optionalText("withdrawn_reason") != nil
            if !coverage.allowsSale && !withdrawn { withdraw.append(try row.text("id")) }
            if coverage.allowsSale && withdrawn { restore.append(try row.text("id")) }
        }
        let changes = ProductWithdrawal.withdrawing(withdraw, .brandLapsed, at: now) + ProductWithdrawal.restoring(restore, .brandLapsed)
        if !changes.isEmpty { try await store.apply(changes) }
        return (withdraw.count, restore.count)
    }

    private func filed(where condition: String, _ bindings: [SQLValue]) async throws -> [FiledAuthorisation] {
        try await store.read(SQL(
            """
            SELECT a.*, m.name_en AS merchant_name FROM brand_authorisations a JOIN merchants m ON m.id = a.merchant_id
            WHERE \(condition) ORDER BY a.filed_at DESC, a.id DESC
            """, bindings)).map(Self.filed)
    }

    static func filed(_ row: Row) throws -> FiledAuthorisation {
        func day(_ column: String) throws -> Day {
            guard let day = Day(text: try row.text(column)) else { throw StoreError.decoding(column: column, expected: "YYYY-MM-DD") }
            return day
        }
        guard let kind = BrandAuthorisation.Kind(rawValue: try row.text("kind")) else {
            throw StoreError.decoding(column: "kind", expected: "owner-letter or trademark")
        }
        guard let status = BrandAuthorisation.Status(rawValue: try row.text("status")) else {
            throw StoreError.decoding(column: "status", expected: "pending, accepted or rejected")
        }
        let classes = Set(try row.text("classes").split(separator: ",").compactMap { Int($0) })
        let authorisation = BrandAuthorisation(
            id: try row.text("id"), merchantID: try row.text("merchant_id"), brand: try row.text("brand"), kind: kind,
            owner: try row.text("owner"), office: try row.optionalText("office"), registrationNumber: try row.optionalText("registration_number"),
            classes: classes, validFrom: try day("valid_from"), validUntil: try day("valid_until"), status: status)
        return FiledAuthorisation(
            authorisation: authorisation, merchantName: try row.text("merchant_name"),
            filedAt: Date(millisecondsSince1970: try row.integer("filed_at")), reviewer: try row.optionalText("reviewer"),
            reviewNote: try row.optionalText("review_note"),
            reviewedAt: try row.optionalInteger("reviewed_at").map { Date(millisecondsSince1970: $0) })
    }

    static func classesText(_ classes: Set<Int>) -> String {
        classes.sorted().map(String.init).joined(separator: ",")
    }
}
