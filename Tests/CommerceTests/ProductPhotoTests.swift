import Commerce
import Testing

/// Photos held to their formats' own specifications: PNG's IHDR first after the signature
/// (ISO/IEC 15948), JPEG's size in its start-of-frame segment after any others (ITU T.81 B.2.2).
@Suite("Product photos")
struct ProductPhotoTests {
    static func bytes(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).reversed().map { UInt8((value >> ($0 * 8)) & 0xFF) } }

    /// A PNG that is its signature, an IHDR of `width` × `height`, and IEND.
    static func png(_ width: Int, _ height: Int) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + bytes(13, 4) + Array("IHDR".utf8) + bytes(width, 4) + bytes(height, 4)
            + [8, 2, 0, 0, 0] + [0, 0, 0, 0] + bytes(0, 4) + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
    }

    /// A JPEG whose frame (`marker`: C0 baseline, C2 progressive) follows an APP0 and a DHT segment.
    static func jpeg(_ width: Int, _ height: Int, marker: UInt8 = 0xC0) -> [UInt8] {
        let app0: [UInt8] = [0xFF, 0xE0] + bytes(16, 2) + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        let dht: [UInt8] = [0xFF, 0xC4] + bytes(5, 2) + [0x00, 0x01, 0x02]  // its length is read past, never its "size"
        let frame: [UInt8] = [0xFF, marker] + bytes(11, 2) + [8] + bytes(height, 2) + bytes(width, 2) + [1, 1, 0x11, 0]
        return [0xFF, 0xD8] + app0 + dht + frame + [0xFF, 0xDA, 0x00, 0x02, 0x11, 0x22, 0xFF, 0xD9]
    }

    @Test("the size is read from the bytes, whatever the file is called", arguments: [
        (png(480, 320), DocumentType.png, 480, 320), (jpeg(400, 480), .jpeg, 400, 480), (jpeg(300, 200, marker: 0xC2), .jpeg, 300, 200),
    ])
    func size(photo: [UInt8], type: DocumentType, width: Int, height: Int) throws {
        #expect(try PhotoRules.inspect(photo, claimed: nil, size: .tile) == PhotoFacts(type: type, width: width, height: height))
    }

    @Test("each size has its bounds: longest side, shortest side, bytes")
    func bounds() {
        #expect(throws: PhotoProblem.tooWide(maxSide: 480)) { try PhotoRules.inspect(Self.png(481, 300), claimed: nil, size: .tile) }
        #expect(throws: PhotoProblem.tooSmall(minSide: 160)) { try PhotoRules.inspect(Self.png(480, 159), claimed: nil, size: .tile) }
        #expect(throws: PhotoProblem.tooSmall(minSide: 400)) { try PhotoRules.inspect(Self.png(480, 320), claimed: nil, size: .page) }
        #expect((try? PhotoRules.inspect(Self.png(1600, 400), claimed: nil, size: .page)) != nil)
        let padded = Self.png(300, 300) + Array(repeating: 0, count: PhotoSize.tile.maxBytes)
        #expect(throws: PhotoProblem.tooLarge(limit: PhotoSize.tile.maxBytes)) { try PhotoRules.inspect(padded, claimed: nil, size: .tile) }
    }

    @Test("a document, a mislabelled file, a frame-less JPEG are refused")
    func refused() {
        let pdf = Array("%PDF-1.7\n1 0 obj\n%%EOF\n".utf8)
        #expect(throws: PhotoProblem.notAPhoto) { try PhotoRules.inspect(pdf, claimed: nil, size: .tile) }
        #expect(throws: PhotoProblem.document(.notWhatItClaims(claimed: "image/png"))) {
            try PhotoRules.inspect(Self.jpeg(300, 300), claimed: "image/png", size: .tile)
        }
        let frameless: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9]
        #expect(throws: PhotoProblem.unreadable) { try PhotoRules.inspect(frameless, claimed: "image/jpeg", size: .tile) }
    }
}
