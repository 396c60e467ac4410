import Commerce
import Foundation
import Storage

/// A document as the applicant and ops see it listed: never its bytes.
public struct StoredDocument: Sendable, Equatable {
    public enum Review: String, Sendable, CaseIterable {
        case pending, accepted, rejected
    }

    public let id: String
    public let applicationID: String
    public let kind: DocumentKind
    public let type: DocumentType
    public let size: Int64
    /// SHA-256 of the bytes, so that ops can tell two uploads of one file apart from two files.
    public let sha256: String
    public let uploadedAt: Date
    public let review: Review
    public let reviewer: String?
    public let note: String?
}

public enum DocumentFailure: Error, Equatable, CustomStringConvertible {
    case notFound
    /// A rejection says why: the applicant sees it.
    case noteRequired

    public var description: String {
        switch self {
        case .notFound: "no such document on this application"
        case .noteRequired: "say why the document is rejected: the applicant sees it"
        }
    }
}

/// Documents for an application: uploaded by the applicant (type found from the bytes, size
/// limited, sealed at rest), listed, opened by ops, and accepted or rejected by ops.
public struct DocumentService: Sendable {
    let store: any Store
    let cipher: FieldCipher

    public init(store: any Store, cipher: FieldCipher) {
        self.store = store
        self.cipher = cipher
    }

    /// The changes that keep `bytes` as a `kind` document of `application`, refused with
    /// `DocumentProblem` when they are not a whole PDF, JPEG or PNG of the type claimed.
    public func uploading(_ bytes: [UInt8], claimed: String?, kind: DocumentKind, to application: StoredApplication,
                          at now: Date) throws -> (changes: [Change], document: StoredDocument) {
        guard application.status.editable || application.status == .submitted else {
            throw ApplicationFailure.notDraft(application.status)
        }
        let type = try DocumentRules.check(bytes, claimed: claimed).get()
        let document = StoredDocument(id: "doc-" + Secrets.token().prefix(16).lowercased(), applicationID: application.id, kind: kind, type: type,
                                      size: Int64(bytes.count), sha256: Secrets.digest(bytes), uploadedAt: now, review: .pending,
                                      reviewer: nil, note: nil)
        return ([.write(SQL(
            """
            INSERT INTO application_documents (id, application_id, kind, content_type, size, sha256, sealed, uploaded_at, review)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [document.id.sqlValue, application.id.sqlValue, kind.rawValue.sqlValue, type.rawValue.sqlValue, document.size.sqlValue,
             document.sha256.sqlValue, .blob(Array(try cipher.seal(bytes: Data(bytes)))), now.millisecondsSince1970.sqlValue,
             document.review.rawValue.sqlValue]))], document)
    }

    public func documents(of applicationID: String) async throws -> [StoredDocument] {
        try await store.read(SQL(
            """
            SELECT id, application_id, kind, content_type, size, sha256, uploaded_at, review, reviewer, review_note
            FROM application_documents WHERE application_id = ? ORDER BY uploaded_at, id
            """, bind: applicationID)).map(Self.document)
    }

    /// The document's bytes, opened, for ops.
    public func contents(_ id: String, of applicationID: String) async throws -> (document: StoredDocument, bytes: Data) {
        guard let row = try await store.read(SQL("SELECT * FROM application_documents WHERE id = ? AND application_id = ?",
                                                 bind: id, applicationID)).first else { throw DocumentFailure.notFound }
        guard case .blob(let sealed) = row["sealed"] else { throw StoreError.decoding(column: "sealed", expected: "bytes") }
        return (try Self.document(row), try cipher.open(bytes: Data(sealed)))
    }

    /// Ops' verdict on a document; a rejection says why, for the applicant.
    public func reviewing(_ id: String, of applicationID: String, as review: StoredDocument.Review, reviewer: String, note: String?,
                          at now: Date) async throws -> [Change] {
        guard try await documents(of: applicationID).contains(where: { $0.id == id }) else { throw DocumentFailure.notFound }
        let signed = try ReviewerNote(reviewer: reviewer, note: note)
        if review == .rejected && signed.note == nil { throw DocumentFailure.noteRequired }
        return [.write(SQL(
            "UPDATE application_documents SET review = ?, reviewer = ?, review_note = ?, reviewed_at = ? WHERE id = ? AND application_id = ?",
            bind: review.rawValue, signed.reviewer, signed.note, now.millisecondsSince1970, id, applicationID))]
    }

    static func document(_ row: Row) throws -> StoredDocument {
        guard let kind = DocumentKind(rawValue: try row.text("kind")), let type = DocumentType(rawValue: try row.text("content_type")),
              let review = StoredDocument.Review(rawValue: try row.text("review")) else {
            throw StoreError.decoding(column: "kind", expected: "a document kind, type and review")
        }
        return StoredDocument(id: try row.text("id"), applicationID: try row.text("application_id"), kind: kind, type: type,
                              size: try row.integer("size"), sha256: try row.text("sha256"),
                              uploadedAt: Date(millisecondsSince1970: try row.integer("uploaded_at")), review: review,
                              reviewer: try row.optionalText("reviewer"), note: try row.optionalText("review_note"))
    }
}
