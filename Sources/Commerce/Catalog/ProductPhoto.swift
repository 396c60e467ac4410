/// A product's photo, in the two sizes the shop shows it at: a tile in a grid, and the product's
/// own page. The merchant's page makes both from one picture in the browser (drawn to a canvas at
/// each size); an API client sends each size itself. The server reads each one's real type and
/// size from its bytes, never trusting what the upload says.
public enum PhotoSize: String, Sendable, CaseIterable, Codable {
    case tile
    case page

    /// The longest side at most, in pixels: twice the CSS size each is shown at, for screens of
    /// two device pixels per CSS pixel (a tile is 240 px wide on the grid, a page's picture 800).
    public var maxSide: Int { self == .tile ? 480 : 1600 }
    /// The shortest side at least: smaller looks blurred at the size shown.
    public var minSide: Int { self == .tile ? 160 : 400 }
    /// The most bytes: a JPEG at quality 0.85 of the largest picture fits with room to spare.
    public var maxBytes: Int { self == .tile ? 300_000 : 1_500_000 }
}

public struct PhotoFacts: Sendable, Equatable {
    public let type: DocumentType
    public let width: Int
    public let height: Int

    public init(type: DocumentType, width: Int, height: Int) {
        self.type = type
        self.width = width
        self.height = height
    }
}

public enum PhotoProblem: Error, Sendable, Equatable {
    /// Not a JPEG or PNG (a PDF is a document, not a photo), or not the type it claims.
    case document(DocumentProblem)
    case notAPhoto
    case tooLarge(limit: Int)
    /// Its longest side is more than the size allows.
    case tooWide(maxSide: Int)
    case tooSmall(minSide: Int)
    /// The header that says how big it is could not be read.
    case unreadable

    public var code: String {
        switch self {
        case .document, .notAPhoto: "not-a-photo"
        case .tooLarge: "too-large"
        case .tooWide: "too-wide"
        case .tooSmall: "too-small"
        case .unreadable: "unreadable"
        }
    }
}

public enum PhotoRules {
    /// What `bytes` are, and whether they fit `size`.
    public static func inspect(_ bytes: [UInt8], claimed: String?, size: PhotoSize) throws(PhotoProblem) -> PhotoFacts {
        guard bytes.count <= size.maxBytes else { throw .tooLarge(limit: size.maxBytes) }
        let type: DocumentType
        switch DocumentRules.check(bytes, claimed: claimed) {
        case .failure(let problem): throw .document(problem)
        case .success(.pdf): throw .notAPhoto
        case .success(let found): type = found
        }
        guard let (width, height) = type == .png ? pngSize(bytes) : jpegSize(bytes), width > 0, height > 0 else { throw .unreadable }
        guard max(width, height) <= size.maxSide else { throw .tooWide(maxSide: size.maxSide) }
        guard min(width, height) >= size.minSide else { throw .tooSmall(minSide: size.minSide) }
        return PhotoFacts(type: type, width: width, height: height)
    }

    /// The IHDR chunk, first after the signature (ISO/IEC 15948 §11.2.2): width and height, four
    /// bytes each, big-endian.
    static func pngSize(_ bytes: [UInt8]) -> (Int, Int)? {
        guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        return (bigEndian(bytes, 16, 4), bigEndian(bytes, 20, 4))
    }

    /// The first start-of-frame segment (ITU T.81 §B.2.2: SOF0–SOF15 but DHT C4, JPG C8 and DAC
    /// CC): after its length and sample precision, the number of lines, then of samples per line.
    static func jpegSize(_ bytes: [UInt8]) -> (Int, Int)? {
        var at = 2
        while at + 4 <= bytes.count {
            guard bytes[at] == 0xFF else { return nil }
            let marker = bytes[at + 1]
            if marker == 0xFF { at += 1; continue }  // fill bytes before a marker
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { at += 2; continue }  // markers with no length
            if marker == 0xDA || marker == 0xD9 { return nil }  // the scan began, or the image ended, with no frame
            let length = bigEndian(bytes, at + 2, 2)
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard at + 9 <= bytes.count else { return nil }
                return (bigEndian(bytes, at + 7, 2), bigEndian(bytes, at + 5, 2))
            }
            guard length >= 2 else { return nil }
            at += 2 + length
        }
        return nil
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        bytes[at..<(at + count)].reduce(0) { $0 << 8 | Int($1) }
    }
}
