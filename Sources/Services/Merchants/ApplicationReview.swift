import Commerce
import Foundation
import Money
import Storage

/// A decision ops took on an application, kept with who took it and when.
public struct ApplicationDecision: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case approve
        case reject
        case requestChanges = "request-changes"
        /// A trading merchant's store and products hidden; its open orders go on.
        case suspend
        case reinstate
    }

    public let id: String
    public let kind: Kind
    public let reason: String?
    public let reviewer: String
    public let submission: Int64
    public let decidedAt: Date
}

public enum ReviewFailure: Error, Equatable, CustomStringConvertible {
    /// Not in a state where the decision can be taken.
    case notUnderReview(StoredApplication.Status)
    /// A check has not answered yet or failed: approving is premature.
    case checksOutstanding
    /// The same person approving again: a second approval must be someone else's.
    case sameReviewer
    case reasonRequired
    case reviewerRequired
    /// Control characters in the reviewer's name or the reason.
    case characters(field: String)

    public var description: String {
        switch self {
        case .notUnderReview(let status): "the application is \(status.rawValue): this decision is not for that state"
        case .checksOutstanding: "the checks have not all answered, or one failed: it cannot be approved yet"
        case .sameReviewer: "you approved it already: a second approval must come from another person"
        case .reasonRequired: "say why: the applicant sees the reason"
        case .reviewerRequired: "say who decides: decisions are recorded with the reviewer's name"
        case .characters(let field): "the \(field) has control characters"
        }
    }
}

/// Where an application stands for ops and for the applicant: its checks, decisions and the
/// requirements left for each capability.
public struct ApplicationFile: Sendable {
    public let application: StoredApplication
    public let checks: [CheckRecord]
    public let decisions: [ApplicationDecision]
    public let requirements: [Requirement]

    public func enabled(_ capability: Capability) -> Bool {
        application.status == .approved && Requirements.enabled(capability, requirements)
    }
}

/// Ops' review of submitted applications: the queue, the whole file, and the decisions —
/// approve (a second person confirms a business in a high risk band), reject with a reason
/// the applicant sees, or ask for changes. The approval that leaves nothing outstanding for
/// selling makes the business a merchant with its store, and, when its bank account checked
/// out, its payout account; without one, what it earns is held in the ledger.
public struct ApplicationReview: Sendable {
    let store: any Store
    let applications: MerchantApplicationService

    public init(store: any Store, applications: MerchantApplicationService) {
        self.store = store
        self.applications = applications
    }

    public struct QueueEntry: Sendable, Equatable {
        public let id: String
        public let legalName: String
        public let country: String
        public let status: StoredApplication.Status
        public let submittedAt: Date?
        public let updatedAt: Date
    }

    /// Applications in `statuses` (all but drafts when empty), oldest waiting first.
    public func queue(statuses: [StoredApplication.Status], limit: Int = 100) async throws -> [QueueEntry] {
        let wanted = statuses.isEmpty ? StoredApplication.Status.allCases.filter { $0 != .draft } : statuses
        return try await store.read(SQL(
            "SELECT id, legal_name, country, status, submitted_at, updated_at FROM merchant_applications WHERE status IN (\(SQL.placeholders(wanted.count))) ORDER BY COALESCE(submitted_at, updated_at), id LIMIT \(limit)",
            wanted.map { $0.rawValue.sqlValue })).map { row in
            guard let status = StoredApplication.Status(rawValue: try row.text("status")) else {
                throw StoreError.decoding(column: "status", expected: "an application status")
            }
            return QueueEntry(id: try row.text("id"), legalName: try row.text("legal_name"), country: try row.text("country"), status: status,
                              submittedAt: try row.optionalInteger("submitted_at").map(Date.init(millisecondsSince1970:)),
                              updatedAt: Date(millisecondsSince1970: try row.integer("updated_at")))
        }
    }

    /// The file of the application that made `merchantID` a merchant; nil for a merchant that
    /// came another way (the demo catalogue's, or one made by `crossborder`).
    public func file(ofMerchant merchantID: String, at now: Date) async throws -> ApplicationFile? {
        guard let row = try await store.read(SQL("SELECT id FROM merchant_applications WHERE merchant_id = ?", bind: merchantID)).first else { return nil }
        return try await file(try row.text("id"), at: now)
    }

    public func file(_ id: String, at now: Date) async throws -> ApplicationFile {
        try await file(try await applications.stored(id: id), at: now)
    }

    public func file(_ stored: StoredApplication, at now: Date) async throws -> ApplicationFile {
        let checks = try await ApplicationChecks.records(of: stored.id, in: store)
        let decisions = try await store.read(SQL(
            "SELECT * FROM application_decisions WHERE application_id = ? ORDER BY decided_at, id", bind: stored.id)).map { row in
            guard let kind = ApplicationDecision.Kind(rawValue: try row.text("decision")) else {
                throw StoreError.decoding(column: "decision", expected: "a decision")
            }
            return ApplicationDecision(id: try row.text("id"), kind: kind, reason: try row.optionalText("reason"),
                                       reviewer: try row.text("reviewer"), submission: try row.integer("submission"),
                                       decidedAt: Date(millisecondsSince1970: try row.integer("decided_at")))
        }
        let requirements = stored.submissions == 0 ? [] : Requirements.evaluate(
            checks.map(\.outcome), approvals: Self.approvers(decisions, submission: stored.submissions).count, now: now)
        return ApplicationFile(application: stored, checks: checks, decisions: decisions, requirements: requirements)
    }

    /// The distinct people who approved `submission`.
    static func approvers(_ decisions: [ApplicationDecision], submission: Int64) -> Set<String> {
        Set(decisions.filter { $0.kind == .approve && $0.submission == submission }.map(\.reviewer))
    }

    /// The changes a decision makes, and the file as it will then stand.
    public func deciding(_ kind: ApplicationDecision.Kind, on id: String, reviewer: String, reason: String?,
                         at now: Date) async throws -> (changes: [Change], file: ApplicationFile) {
        let signed = try ReviewerNote(reviewer: reviewer, note: reason, noteField: "reason")
        let reviewer = signed.reviewer, reason = signed.note
        let before = try await file(id, at: now)
        let current = before.application
        let from: StoredApplication.Status = switch kind {
        case .approve, .reject, .requestChanges: .submitted
        case .suspend: .approved
        case .reinstate: .suspended
        }
        guard current.status == from else { throw ReviewFailure.notUnderReview(current.status) }
        let decision = ApplicationDecision(id: "dec-" + Secrets.token().prefix(16).lowercased(), kind: kind, reason: reason, reviewer: reviewer,
                                           submission: current.submissions, decidedAt: now)
        var status = current.status
        var merchantID: String?
        var changes: [Change] = []
        switch kind {
        case .approve:
            guard Requirements.approvable(before.checks.map(\.outcome)) else { throw ReviewFailure.checksOutstanding }
            let approvers = Self.approvers(before.decisions, submission: current.submissions)
            guard !approvers.contains(reviewer) else { throw ReviewFailure.sameReviewer }
            let left = Requirements.evaluate(before.checks.map(\.outcome), approvals: approvers.count + 1, now: now)
            if !left.contains(where: { $0.code == .opsReview || $0.code == .secondReview }) {
                status = .approved
                var introducer: PartnerBank?
                if let bankID = current.partnerBankID { introducer = try await PartnerBankService(store: store).bank(id: bankID) }
                let (made, id) = Self.merchant(from: current, payouts: Requirements.enabled(.payouts, left), introducedBy: introducer, at: now)
                changes += made
                merchantID = id
            }
        case .reject, .requestChanges:
            guard reason != nil else { throw ReviewFailure.reasonRequired }
            status = kind == .reject ? .rejected : .changesRequested
        case .suspend, .reinstate:
            guard reason != nil else { throw ReviewFailure.reasonRequired }
            guard let merchant = current.merchantID else { throw ReviewFailure.notUnderReview(current.status) }
            status = kind == .suspend ? .suspended : .approved
            changes += Self.suspending(merchant, kind == .suspend, at: now)
        }
        changes.append(.write(SQL(
            """
            INSERT INTO application_decisions (id, application_id, submission, decision, reason, reviewer, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            bind: decision.id, current.id, current.submissions, kind.rawValue, reason, reviewer, now.millisecondsSince1970)))
        changes.append(.guarded(SQL(
            """
            UPDATE merchant_applications SET status = ?, merchant_id = COALESCE(?, merchant_id), updated_at = ?
            WHERE id = ? AND status = ? AND submissions = ? RETURNING id
            """,
            bind: status.rawValue, merchantID, now.millisecondsSince1970, current.id, from.rawValue, current.submissions),
            conflict: "application \(current.id) was decided or resubmitted meanwhile"))
        var after = StoredApplication(id: current.id, status: status, application: current.application, revision: current.revision,
                                      createdAt: current.createdAt, updatedAt: now, submittedAt: current.submittedAt,
                                      submissions: current.submissions, merchantID: merchantID ?? current.merchantID)
        after.partnerBankID = current.partnerBankID
        let decisions = before.decisions + [decision]
        let requirements = Requirements.evaluate(before.checks.map(\.outcome),
                                                 approvals: Self.approvers(decisions, submission: current.submissions).count, now: now)
        return (changes, ApplicationFile(application: after, checks: before.checks, decisions: decisions, requirements: requirements))
    }

    /// A merchant suspended (or reinstated): the mark that hides its store, and every one of its
    /// SKUs' revisions moved, so that a copy remembered for buy now is read again and refused.
    static func suspending(_ merchantID: String, _ suspend: Bool, at now: Date) -> [Change] {
        [
            .write(SQL("UPDATE merchants SET suspended_at = ? WHERE id = ?", bind: suspend ? now.millisecondsSince1970 : nil, merchantID)),
            .write(SQL(
                """
                UPDATE skus SET revision = revision + 1
                WHERE product_id IN (SELECT p.id FROM products p JOIN stores s ON s.id = p.store_id WHERE s.merchant_id = ?)
                """, bind: merchantID)),
        ]
    }

    /// The merchant, store and (with `payouts`) payout account an approved application becomes.
    /// An IBAN account without a BIC is paid by IBAN alone, as SEPA allows since 2016.
    /// A business a partner bank introduced is marked as its client, and its store says so.
    static func merchant(from stored: StoredApplication, payouts: Bool, introducedBy bank: PartnerBank?,
                         at now: Date) -> (changes: [Change], merchantID: String) {
        let a = stored.application
        let name = a.legalName ?? stored.id
        let slug = Self.slug(name) + "-" + stored.id.suffix(6).lowercased().filter { $0.isLetter || $0.isNumber }
        let merchantID = "m-" + slug
        let currency = (try? Currency(code: a.payout?.currency ?? "")) ?? .USD  // safe: submission checked the code
        let merchant = Merchant(id: merchantID, name: LocalizedText(en: name, zh: name), country: a.country ?? "", currency: currency,
                                kind: .independent, onboardedBy: bank?.name)
        let tagline = LocalizedText(en: (a.brands ?? []).joined(separator: " · "), zh: (a.brands ?? []).joined(separator: " · "))
        let storefront = Storefront(id: "s-" + slug, merchantID: merchantID, slug: slug, name: merchant.name, tagline: tagline)
        var changes = CatalogRecords.inserts(merchant, storefront, createdAt: now.millisecondsSince1970)
        if let bank { changes.append(.write(SQL("UPDATE merchants SET partner_bank_id = ? WHERE id = ?", bind: bank.id, merchantID))) }
        if payouts, let payout = a.payout, let holder = payout.holderName {
            let iban: String? = payout.iban.flatMap { try? IBAN($0).value }  // safe: submission checked it
            changes.append(.write(SQL(
                """
                INSERT INTO merchant_payout_accounts (merchant_id, holder, iban, account_number, bic, commission_bps)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                bind: merchantID, holder, iban, iban == nil ? payout.accountNumber : nil,
                payout.bic.map { $0.filter { $0 != " " }.uppercased() } ?? "", Self.commissionBasisPoints)))
        }
        return (changes, merchantID)
    }

    /// The commission a merchant that applied on its own pays, until ops agree another.
    public static let commissionBasisPoints: Int64 = 600

    /// Lower-case ASCII letters and digits of the name, dashes between its words, at most 40.
    static func slug(_ name: String) -> String {
        let words = NameMatching.words(name).map { $0.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) } }
            .map { String(String.UnicodeScalarView($0)) }.filter { !$0.isEmpty }
        let joined = words.joined(separator: "-")
        return joined.isEmpty ? "store" : String(joined.prefix(40))
    }
}
