import Commerce
import Foundation
import Testing

/// Documents told by their bytes: each format's signature and end, as its standard writes them.
@Suite("Application documents")
struct DocumentRulesTests {
    /// The smallest whole files of each type: a PDF header and trailer (ISO 32000-1 §7.5.2,
    /// §7.5.5), a JPEG's SOI, APP0 and EOI markers (ITU T.81 Annex B), a PNG's signature, IHDR
    /// and IEND chunks (ISO/IEC 15948 §5).
    static let pdf = Array("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9]
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
                               0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89,
                               0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

    @Test("PDF, JPEG and PNG are told from their bytes, and held to the type claimed")
    func types() {
        #expect(DocumentRules.check(Self.pdf, claimed: "application/pdf") == .success(.pdf))
        #expect(DocumentRules.check(Self.jpeg, claimed: "image/jpeg") == .success(.jpeg))
        #expect(DocumentRules.check(Self.png, claimed: "IMAGE/PNG; charset=binary") == .success(.png))
        #expect(DocumentRules.check(Self.png, claimed: nil) == .success(.png), "no claim: the bytes decide")
        #expect(DocumentRules.check(Self.png, claimed: "application/pdf") == .failure(.notWhatItClaims(claimed: "application/pdf")))
        #expect(DocumentRules.check(Array("GIF89a".utf8) + [0, 0], claimed: "image/png") == .failure(.notWhatItClaims(claimed: "image/png")))
        #expect(DocumentRules.check(Array("MZ\u{90}".utf8), claimed: nil) == .failure(.unknownType), "an executable is no document")
    }

    @Test("a file cut short, an empty one and one over the limit are refused")
    func limits() {
        #expect(DocumentRules.check(Array(Self.pdf.dropLast(8)), claimed: "application/pdf") == .failure(.truncated(.pdf)))
        #expect(DocumentRules.check(Array(Self.jpeg.dropLast(2)), claimed: "image/jpeg") == .failure(.truncated(.jpeg)))
        #expect(DocumentRules.check(Array(Self.png.dropLast(4)), claimed: "image/png") == .failure(.truncated(.png)))
        #expect(DocumentRules.check([], claimed: nil) == .failure(.empty))
        let large = Self.pdf + [UInt8](repeating: 0x20, count: DocumentRules.maxBytes)
        #expect(DocumentRules.check(large, claimed: "application/pdf") == .failure(.tooLarge(limit: DocumentRules.maxBytes)))
    }
}
