import Commerce
import Foundation
import Money
import Services

/// Applications as the API sends them.
enum ApplicationDocuments {
    /// What a change answers: where the application stands and what it still needs, and
    /// none of the people or accounts it names (the answer is kept for retries).
    struct Receipt: Codable {
        let id: String
        let status: String
        let revision: Int64
        let updatedAt: Date
        let submittedAt: Date?
        /// The fields still needed before it can be submitted.
        let currentlyDue: [String]
        var resumeKey: String?

        init(_ stored: StoredApplication) {
            id = stored.id
            status = stored.status.rawValue
            revision = stored.revision
            updatedAt = stored.updatedAt
            submittedAt = stored.submittedAt
            currentlyDue = stored.status.editable ? ApplicationDocuments.due(stored.application) : []
            resumeKey = nil
        }

        func with(resumeKey: String) -> Receipt {
            var keyed = self
            keyed.resumeKey = resumeKey
            return keyed
        }
    }

    /// The whole application, for the one who holds its key: with what its checks and ops
    /// still need, and the notes ops left for the applicant (never who wrote them, nor which
    /// listed name a screening matched).
    struct Full: Encodable {
        let id: String
        let status: String
        let revision: Int64
        let createdAt: Date
        let updatedAt: Date
        let submittedAt: Date?
        let currentlyDue: [String]
        let requirements: [RequirementDocument]
        let capabilities: [String: Bool]
        let notes: [Note]
        let merchantId: String?
        let application: MerchantApplication

        struct Note: Encodable {
            let decision: String
            let reason: String
            let decidedAt: Date
        }

        init(_ file: ApplicationFile, language: Language) {
            let stored = file.application
            id = stored.id
            status = stored.status.rawValue
            revision = stored.revision
            createdAt = stored.createdAt
            updatedAt = stored.updatedAt
            submittedAt = stored.submittedAt
            currentlyDue = stored.status.editable ? ApplicationDocuments.due(stored.application) : []
            requirements = file.requirements.map { RequirementDocument($0, language: language) }
            capabilities = Dictionary(uniqueKeysWithValues: Capability.allCases.map { ($0.rawValue, file.enabled($0)) })
            notes = file.decisions.compactMap { decision in
                decision.reason.map { Note(decision: decision.kind.rawValue, reason: $0, decidedAt: decision.decidedAt) }
            }
            merchantId = stored.merchantID
            application = stored.application
        }
    }

    struct RequirementDocument: Encodable {
        let code: String
        let capabilities: [String]
        let status: String
        let reason: String?
        let detail: String?
        let dueBy: Date?

        init(_ requirement: Requirement, language: Language) {
            code = requirement.code.rawValue
            capabilities = requirement.capabilities.map(\.rawValue)
            status = requirement.status.rawValue
            reason = requirement.reason?.code
            detail = requirement.reason.map { ApplicationWords.reason($0)(language) }
            dueBy = requirement.dueBy
        }
    }

    /// The whole file as ops see it: the application, each check with the provider's answer
    /// as it came, every decision with who took it.
    struct ReviewFile: Encodable {
        let application: Full
        let checks: [Check]
        let decisions: [Decision]

        struct Check: Encodable {
            let check: String
            let state: String
            let reason: String?
            let answer: String?
            let attempts: Int64
            let answeredAt: Date?
        }

        struct Decision: Encodable {
            let id: String
            let decision: String
            let reason: String?
            let reviewer: String
            let decidedAt: Date
        }

        init(_ file: ApplicationFile, language: Language) {
            application = Full(file, language: language)
            checks = file.checks.map { record in
                let (state, reason): (String, VerificationReason?) = switch record.outcome.state {
                case .pending: ("pending", nil)
                case .passed: ("passed", nil)
                case .failed(let reason): ("failed", reason)
                case .review(let reason): ("review", reason)
                }
                return Check(check: record.outcome.check.rawValue, state: state, reason: reason?.code, answer: record.answer,
                             attempts: record.attempts, answeredAt: record.outcome.answeredAt)
            }
            decisions = file.decisions.map {
                Decision(id: $0.id, decision: $0.kind.rawValue, reason: $0.reason, reviewer: $0.reviewer, decidedAt: $0.decidedAt)
            }
        }
    }

    /// A document as listed: its kind, type, size, digest and review, never its bytes.
    struct Document: Encodable {
        let id: String
        let kind: String
        let contentType: String
        let size: Int64
        let sha256: String
        let uploadedAt: Date
        let review: String
        let note: String?

        init(_ document: StoredDocument) {
            id = document.id
            kind = document.kind.rawValue
            contentType = document.type.rawValue
            size = document.size
            sha256 = document.sha256
            uploadedAt = document.uploadedAt
            review = document.review.rawValue
            note = document.note
        }
    }

    struct DocumentList: Encodable {
        let documents: [Document]
    }

    struct QueueDocument: Encodable {
        struct Entry: Encodable {
            let id: String
            let legalName: String
            let country: String
            let status: String
            let submittedAt: Date?
            let updatedAt: Date
        }

        let applications: [Entry]

        init(_ entries: [ApplicationReview.QueueEntry]) {
            applications = entries.map {
                Entry(id: $0.id, legalName: $0.legalName, country: $0.country, status: $0.status.rawValue, submittedAt: $0.submittedAt,
                      updatedAt: $0.updatedAt)
            }
        }
    }

    /// The fields submitting would still ask for.
    static func due(_ application: MerchantApplication) -> [String] {
        ApplicationRules.submissionProblems(application).filter { $0.reason == .required || $0.reason == .ownersUnconfirmed }.map(\.field)
    }
}
