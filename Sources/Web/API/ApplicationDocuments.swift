import Commerce
import Foundation
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
            currentlyDue = stored.status == .draft ? ApplicationDocuments.due(stored.application) : []
            resumeKey = nil
        }

        func with(resumeKey: String) -> Receipt {
            var keyed = self
            keyed.resumeKey = resumeKey
            return keyed
        }
    }

    /// The whole application, for the one who holds its key.
    struct Full: Encodable {
        let id: String
        let status: String
        let revision: Int64
        let createdAt: Date
        let updatedAt: Date
        let submittedAt: Date?
        let currentlyDue: [String]
        let application: MerchantApplication

        init(_ stored: StoredApplication) {
            id = stored.id
            status = stored.status.rawValue
            revision = stored.revision
            createdAt = stored.createdAt
            updatedAt = stored.updatedAt
            submittedAt = stored.submittedAt
            currentlyDue = stored.status == .draft ? ApplicationDocuments.due(stored.application) : []
            application = stored.application
        }
    }

    /// The fields submitting would still ask for.
    static func due(_ application: MerchantApplication) -> [String] {
        ApplicationRules.submissionProblems(application).filter { $0.reason == .required || $0.reason == .ownersUnconfirmed }.map(\.field)
    }
}
