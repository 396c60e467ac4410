/// QR Code (ISO/IEC 18004:2015), byte mode, error correction level M (about 15 % of the
/// codewords may be lost and the symbol still reads), versions 1 to 10: up to 213 bytes, far
/// more than a payment code or a link to a charge needs. The symbol is a square of modules,
/// `true` dark; `svg` draws it with the four-module quiet zone the standard asks for.
public struct QRCode: Sendable, Equatable {
    public let version: Int
    public let mask: Int
    /// Rows of modules, top to bottom; `true` is dark.
    public let modules: [[Bool]]

    public var size: Int { modules.count }

    public enum Problem: Error, Equatable, Sendable {
        case empty
        case tooLong(bytes: Int, most: Int)
    }

    /// The level's two format bits (M is 00) and why M: a phone held to a till screen or a
    /// printed form loses a few modules to glare or a crease, rarely more.
    public static let errorCorrectionLevel = "M"
    static let levelBits = 0b00

    /// Per version (index 1…10) at level M: error-correction codewords per block, and the
    /// blocks' data codewords (ISO/IEC 18004 table 9).
    static let blocks: [(ecPerBlock: Int, dataPerBlock: [Int])] = [
        (0, []),
        (10, [16]), (16, [28]), (26, [44]), (18, [32, 32]), (24, [43, 43]),
        (16, [27, 27, 27, 27]), (18, [31, 31, 31, 31]), (22, [38, 38, 39, 39]), (22, [36, 36, 36, 37, 37]),
        (26, [43, 43, 43, 43, 44]),
    ]

    /// Centres of the alignment patterns per version (Annex E).
    static let alignmentCentres: [[Int]] = [
        [], [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
    ]

    /// Bits left over after the codewords fill the symbol (table 1).
    static func remainderBits(_ version: Int) -> Int { (2...6).contains(version) ? 7 : 0 }

    public static func encode(_ text: String) throws(Problem) -> QRCode {
        try encode(bytes: Array(text.utf8))
    }

    public static func encode(bytes: [UInt8]) throws(Problem) -> QRCode {
        guard !bytes.isEmpty else { throw .empty }
        guard let version = (1...10).first(where: { bytes.count <= capacity($0) }) else {
            throw .tooLong(bytes: bytes.count, most: capacity(10))
        }
        let codewords = interleaved(errorCorrected(dataCodewords(bytes, version: version), version: version))
        var best: QRCode?
        var bestPenalty = Int.max
        for mask in 0..<8 {
            var grid = Grid(version: version)
            grid.placeFunctionPatterns()
            grid.place(codewords, remainder: remainderBits(version))
            grid.apply(mask: mask)
            grid.placeFormat(mask: mask)
            let penalty = grid.penalty()
            if penalty < bestPenalty {
                bestPenalty = penalty
                best = QRCode(version: version, mask: mask, modules: grid.dark)
            }
        }
        // safe: eight masks were tried, so one is kept
        return best ?? QRCode(version: version, mask: 0, modules: [])
    }

    /// Bytes a version holds at level M in byte mode: the data codewords less the mode (4 bits)
    /// and count (8 bits to version 9, 16 from 10).
    static func capacity(_ version: Int) -> Int {
        let dataBits = blocks[version].dataPerBlock.reduce(0, +) * 8
        return (dataBits - 4 - (version < 10 ? 8 : 16)) / 8
    }

    /// Mode, count, the bytes, the terminator, then the pad codewords 0xEC 0x11 in turn.
    static func dataCodewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for byte in bytes { append(Int(byte), 8) }
        let capacityBits = blocks[version].dataPerBlock.reduce(0, +) * 8
        append(0, min(4, capacityBits - bits.count))
        while bits.count % 8 != 0 { bits.append(false) }
        var codewords = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while codewords.count < capacityBits / 8 {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// The data split into the version's blocks, each with its Reed–Solomon codewords.
    static func errorCorrected(_ data: [UInt8], version: Int) -> [(data: [UInt8], ec: [UInt8])] {
        let layout = blocks[version]
        var start = 0
        return layout.dataPerBlock.map { count in
            let block = Array(data[start..<start + count])
            start += count
            return (block, ReedSolomon.remainder(of: block, degree: layout.ecPerBlock))
        }
    }

    /// Codeword i of every block in turn, data first, then the error-correction codewords.
    static func interleaved(_ blocks: [(data: [UInt8], ec: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        for index in 0..<(blocks.map(\.data.count).max() ?? 0) {
            for block in blocks where index < block.data.count { out.append(block.data[index]) }
        }
        for index in 0..<(blocks.first?.ec.count ?? 0) {
            for block in blocks { out.append(block.ec[index]) }
        }
        return out
    }

    /// The 15 format bits: level and mask with their BCH(15,5) check (generator 0x537), masked
    /// with 0x5412 so that they are never all light.
    public static func formatBits(mask: Int) -> Int {
        let data = levelBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return (data << 10 | (remainder & 0x3FF)) ^ 0x5412
    }

    /// The 18 version bits of versions 7 and up: the version and its BCH(18,6) check (0x1F25).
    public static func versionBits(_ version: Int) -> Int {
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        return version << 12 | (remainder & 0xFFF)
    }

    /// The symbol as SVG: one path of unit squares, a white quiet zone of four modules, drawn
    /// `modulePixels` to a module.
    public func svg(modulePixels: Int = 6, label: String) -> String {
        let quiet = 4
        let side = (size + 2 * quiet) * modulePixels
        var path = ""
        for (row, line) in modules.enumerated() {
            for (column, isDark) in line.enumerated() where isDark {
                path += "M\(column + quiet) \(row + quiet)h1v1h-1z"
            }
        }
        let span = size + 2 * quiet
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="qr" width="\(side)" height="\(side)" viewBox="0 0 \(span) \(span)" shape-rendering="crispEdges" role="img" aria-label="\(Markup.escape(label))"><rect width="\(span)" height="\(span)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }
}

/// Reed–Solomon over GF(256) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D).
enum ReedSolomon {
    static let (exp, log): ([UInt8], [Int]) = {
        var exp = [UInt8](repeating: 0, count: 512)
        var log = [Int](repeating: 0, count: 256)
        var value = 1
        for power in 0..<255 {
            exp[power] = UInt8(value)
            log[value] = power
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        for power in 255..<512 { exp[power] = exp[power - 255] }
        return (exp, log)
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        a == 0 || b == 0 ? 0 : exp[log[Int(a)] + log[Int(b)]]
    }

    /// The generator (x − α⁰)(x − α¹)…(x − α^(degree−1)), highest power first without its 1.
    static func generator(degree: Int) -> [UInt8] {
        var coefficients: [UInt8] = [1]
        for root in 0..<degree {
            var next = [UInt8](repeating: 0, count: coefficients.count + 1)
            for (index, coefficient) in coefficients.enumerated() {
                next[index] ^= coefficient
                next[index + 1] ^= multiply(coefficient, exp[root])
            }
            coefficients = next
        }
        return Array(coefficients.dropFirst())
    }

    /// The remainder of data·x^degree divided by the generator: the error-correction codewords.
    static func remainder(of data: [UInt8], degree: Int) -> [UInt8] {
        let divisor = generator(degree: degree)
        var remainder = [UInt8](repeating: 0, count: degree)
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for index in 0..<degree { remainder[index] ^= multiply(divisor[index], factor) }
        }
        return remainder
    }

    /// The codeword polynomial's value at α^power (zero for every root when nothing was lost).
    static func syndrome(_ codeword: [UInt8], power: Int) -> UInt8 {
        codeword.reduce(UInt8(0)) { multiply($0, exp[power % 255]) ^ $1 }
    }
}
