import Commerce
import Foundation
import Storage

/// An application as it is kept: where it stands, and the application itself.
public struct StoredApplication: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        /// Being filled in; the applicant may change anything.
        case draft
        /// Complete and sent: being checked, then reviewed by ops.
        case submitted
        /// A check failed or ops asked for more: the applicant changes it and submits again.
        case changesRequested = "changes-requested"
        /// Verified and approved: a merchant on the platform.
        case approved
        case rejected
        /// Approved once, now suspended by ops: its products are hidden.
        case suspended

        /// Whether the applicant may still change it.
        public var editable: Bool { self == .draft || self == .changesRequested }
    }

    public let id: String
    public let status: Status
    public let application: MerchantApplication
    /// Counts the saves, so that two tabs cannot overwrite each other unseen.
    public let revision: Int64
    public let createdAt: Date
    public let updatedAt: Date
    public let submittedAt: Date?
    /// How many times it has been submitted: each submission's checks and decisions are its own.
    public let submissions: Int64
    /// The merchant an approval made of it.
    public let merchantID: String?
    /// The partner bank that introduced the business, if one did.
    public var partnerBankID: String? = nil
}

public enum ApplicationFailure: Error, Equatable, CustomStringConvertible {
    /// No such application, or not this key's: the two are not told apart.
    case notFound
    /// Submitted applications are not edited by the applicant.
    case notDraft(StoredApplication.Status)
    /// The application was saved since the revision the applicant started from.
    case staleRevision(current: Int64)

    public var description: String {
        switch self {
        case .notFound: "no application with this id and key"
        case .notDraft(let status): "the application is \(status.rawValue) and cannot be changed now"
        case .staleRevision(let current): "the application was saved meanwhile (revision \(current)): load it again"
        }
    }
}

/// Applications from overseas businesses: started, saved and resumed as drafts, then submitted.
/// Whoever holds an application's resume key may read and change it; the key is derived from
/// the data key and the application's id, so it is never stored and a retried start returns it
/// again.
public struct MerchantApplicationService: Sendable {
    let store: any Store
    let cipher: FieldCipher

    public init(store: any Store, cipher: FieldCipher) {
        self.store = store
        self.cipher = cipher
    }

    public func resumeKey(for id: String) -> String {
        "ak_" + cipher.fingerprint("merchant-application:" + id)
    }

    /// A new draft holding `application`, refused whole if anything it holds is wrong.
    public func starting(_ application: MerchantApplication, at now: Date) throws -> (changes: [Change], stored: StoredApplication) {
        try Self.refuseProblems(ApplicationRules.draftProblems(application))
        let stored = StoredApplication(id: Self.newID(), status: .draft, application: application, revision: 1,
                                       createdAt: now, updatedAt: now, submittedAt: nil, submissions: 0, merchantID: nil)
        return ([try inserting(stored, clientKey: nil, clientReference: nil)], stored)
    }

    /// A complete application a partner bank makes for its client, submitted at once; it is
    /// refused as a conflict if another batch introduced the same business meanwhile.
    func introducing(_ application: MerchantApplication, by bankID: String, clientKey: String, clientReference: String?,
                     at now: Date) throws -> (changes: [Change], stored: StoredApplication) {
        var stored = StoredApplication(id: Self.newID(), status: .submitted, application: application, revision: 1,
                                       createdAt: now, updatedAt: now, submittedAt: now, submissions: 1, merchantID: nil)
        stored.partnerBankID = bankID
        return ([try inserting(stored, clientKey: clientKey, clientReference: clientReference)], stored)
    }

    private static func newID() -> String { "app-" + Secrets.token().prefix(16).lowercased() }

    private func inserting(_ stored: StoredApplication, clientKey: String?, clientReference: String?) throws -> Change {
        let a = stored.application
        return .guarded(SQL(
            """
            INSERT INTO merchant_applications (id, status, legal_name, country, document_sealed, revision, created_at, updated_at,
                submitted_at, submissions, partner_bank_id, client_key, client_reference)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id
            """,
            bind: stored.id, stored.status.rawValue, Self.listed(a.legalName), Self.listed(a.country), try seal(a), stored.revision,
            stored.createdAt.millisecondsSince1970, stored.updatedAt.millisecondsSince1970, stored.submittedAt?.millisecondsSince1970,
            stored.submissions, stored.partnerBankID, clientKey, clientReference),
            conflict: "\(clientKey ?? stored.id) was introduced meanwhile")
    }

    public func application(id: String, key: String) async throws -> StoredApplication {
        guard Secrets.same(key, resumeKey(for: id)) else { throw ApplicationFailure.notFound }
        return try await stored(id: id)
    }

    /// The application `id`, for the platform's own work and ops: no key asked.
    public func stored(id: String) async throws -> StoredApplication {
        // An id is "app-" and URL-safe base64: anything else names no application, and is not sent to the database.
        guard id.hasPrefix("app-"), id.count <= 40, id.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }),
              let row = try await store.read(SQL("SELECT * FROM merchant_applications WHERE id = ?", bind: id)).first
        else { throw ApplicationFailure.notFound }
        return try read(row)
    }

    /// The draft replaced by `application`; `revision`, when given, is the one the applicant
    /// edited, refused if the draft was saved since.
    public func saving(_ application: MerchantApplication, id: String, key: String, revision: Int64?,
                       at now: Date) async throws -> (changes: [Change], stored: StoredApplication) {
        let current = try await editable(id: id, key: key, revision: revision)
        try Self.refuseProblems(ApplicationRules.draftProblems(application))
        return try replacing(current, with: application, submitting: false, at: now)
    }

    /// The draft sent for review, refused with every problem and missing field if it is not complete.
    public func submitting(id: String, key: String, revision: Int64?, at now: Date) async throws -> (changes: [Change], stored: StoredApplication) {
        let current = try await editable(id: id, key: key, revision: revision)
        try Self.refuseProblems(ApplicationRules.submissionProblems(current.application))
        let (changes, stored) = try replacing(current, with: current.application, submitting: true, at: now)
        return (changes + ApplicationChecks.starting(stored, at: now), stored)
    }

    private func editable(id: String, key: String, revision: Int64?) async throws -> StoredApplication {
        let current = try await application(id: id, key: key)
        guard current.status.editable else { throw ApplicationFailure.notDraft(current.status) }
        if let revision, revision != current.revision { throw ApplicationFailure.staleRevision(current: current.revision) }
        return current
    }

    /// The application replaced, in the status it has, or submitted.
    private func replacing(_ current: StoredApplication, with application: MerchantApplication, submitting: Bool,
                           at now: Date) throws -> (changes: [Change], stored: StoredApplication) {
        var stored = StoredApplication(id: current.id, status: submitting ? .submitted : current.status, application: application,
                                       revision: current.revision + 1, createdAt: current.createdAt, updatedAt: now,
                                       submittedAt: submitting ? now : current.submittedAt,
                                       submissions: current.submissions + (submitting ? 1 : 0), merchantID: current.merchantID)
        stored.partnerBankID = current.partnerBankID
        return ([.guarded(SQL(
            """
            UPDATE merchant_applications SET status = ?, legal_name = ?, country = ?, document_sealed = ?, revision = ?,
                updated_at = ?, submitted_at = ?, submissions = ?
            WHERE id = ? AND revision = ? AND status = ? RETURNING id
            """,
            bind: stored.status.rawValue, Self.listed(application.legalName), Self.listed(application.country), try seal(application),
            stored.revision, now.millisecondsSince1970, stored.submittedAt?.millisecondsSince1970, stored.submissions,
            current.id, current.revision, current.status.rawValue),
            conflict: "application \(current.id) was saved meanwhile")], stored)
    }

    private static func refuseProblems(_ problems: [ApplicationProblem]) throws(ApplicationRefusal) {
        guard problems.isEmpty else { throw ApplicationRefusal(problems) }
    }

    /// What ops' queue lists of a field: its trimmed text, or empty.
    private static func listed(_ text: String?) -> String {
        String((ApplicationRules.present(text) ?? "").prefix(ApplicationRules.nameLimit))
    }

    func seal(_ application: MerchantApplication) throws -> String {
        try cipher.seal(String(decoding: try JSONEncoder().encode(application), as: UTF8.self))
    }

    func read(_ row: Row) throws -> StoredApplication {
        let document = try cipher.open(try row.text("document_sealed"))
        guard let status = StoredApplication.Status(rawValue: try row.text("status")) else {
            throw StoreError.decoding(column: "status", expected: "an application status")
        }
        var stored = StoredApplication(
            id: try row.text("id"), status: status,
            application: try JSONDecoder().decode(MerchantApplication.self, from: Data(document.utf8)),
            revision: try row.integer("revision"), createdAt: Date(millisecondsSince1970: try row.integer("created_at")),
            updatedAt: Date(millisecondsSince1970: try row.integer("updated_at")),
            submittedAt: try row.optionalInteger("submitted_at").map(Date.init(millisecondsSince1970:)),
            submissions: try row.integer("submissions"), merchantID: try row.optionalText("merchant_id"))
        stored.partnerBankID = try row.optionalText("partner_bank_id")
        return stored
    }
}
