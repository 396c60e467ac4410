import Foundation

/// A document an applicant uploads for ops to review, and what its bytes must be.
public enum DocumentKind: String, Sendable, CaseIterable, Codable {
    case certificateOfIncorporation = "certificate-of-incorporation"
    case proofOfAddress = "proof-of-address"
    case brandAuthorisation = "brand-authorisation"
}

/// The file types documents are accepted in, told from their first bytes, never from their name
/// or the type the sender claims.
public enum DocumentType: String, Sendable, CaseIterable, Codable {
    case pdf = "application/pdf"
    case jpeg = "image/jpeg"
    case png = "image/png"
}

public enum DocumentProblem: Error, Equatable, Sendable {
    case empty
    case tooLarge(limit: Int)
    /// Not a PDF, JPEG or PNG.
    case unknownType
    /// The sender said one type and the bytes are another (or none).
    case notWhatItClaims(claimed: String)
    /// It starts as one of the types but does not end as a whole file of it does.
    case truncated(DocumentType)
}

public enum DocumentRules {
    /// 5 MiB: a scanned page at 300 dpi in colour fits, as Stripe's 10 MB and Adyen's 4 MB
    /// upload limits for verification documents bracket it.
    public static let maxBytes = 5 * 1024 * 1024

    /// The type of `bytes` by their signature and their end — PDF "%PDF-" and an "%%EOF" near
    /// the end (ISO 32000-1 §7.5), JPEG's SOI FF D8 FF and EOI FF D9 (ITU T.81), PNG's eight-byte
    /// signature and its IEND chunk last (ISO/IEC 15948) — held to `claimed` when it is given.
    public static func check(_ bytes: [UInt8], claimed: String?) -> Result<DocumentType, DocumentProblem> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        guard bytes.count <= maxBytes else { return .failure(.tooLarge(limit: maxBytes)) }
        let type: DocumentType
        if bytes.starts(with: Array("%PDF-".utf8)) {
            type = .pdf
        } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            type = .jpeg
        } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            type = .png
        } else {
            return .failure(claimed.map { .notWhatItClaims(claimed: $0) } ?? .unknownType)
        }
        if let claimed, claimed.split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) != type.rawValue {
            return .failure(.notWhatItClaims(claimed: claimed))
        }
        guard whole(bytes, as: type) else { return .failure(.truncated(type)) }
        return .success(type)
    }

    static func whole(_ bytes: [UInt8], as type: DocumentType) -> Bool {
        switch type {
        case .pdf:
            // The trailer's "%%EOF" may be followed by a line end and, in the wild, a little padding.
            let tail = Array(bytes.suffix(1024))
            let mark = Array("%%EOF".utf8)
            return tail.count >= mark.count && (0...(tail.count - mark.count)).contains { Array(tail[$0..<($0 + mark.count)]) == mark }
        case .jpeg:
            let end = bytes.reversed().drop { $0 == 0x00 || $0 == 0x0A || $0 == 0x0D }
            return Array(end.prefix(2)) == [0xD9, 0xFF]
        case .png:
            // The last chunk: length 0, "IEND", its CRC AE 42 60 82.
            return bytes.suffix(12).elementsEqual([0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
        }
    }
}
