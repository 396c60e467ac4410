import Foundation
@testable import Commerce
import Testing

/// The QR encoder against the standard's own tables and its algebra. That a real decoder reads
/// what the server draws is proven in the browser suite (e2e/test_travel.py, zbarimg).
@Suite("QR Code (ISO/IEC 18004), level M")
struct QRCodeTests {
    @Test("format bits for level M and each mask are the standard's table C.1")
    func formatBits() {
        let table = ["101010000010010", "101000100100101", "101111001111100", "101101101001011",
                     "100010111111001", "100000011001110", "100111110010111", "100101010100000"]
        for mask in 0..<8 {
            #expect(String(QRCode.formatBits(mask: mask), radix: 2).leftPadded(to: 15) == table[mask], "mask \(mask)")
        }
    }

    @Test("version bits are the standard's table D.1")
    func versionBits() {
        #expect(QRCode.versionBits(7) == 0x07C94)
        #expect(QRCode.versionBits(8) == 0x085BC)
        #expect(QRCode.versionBits(10) == 0x0A4D3)
    }

    @Test("every block's codewords are a Reed–Solomon codeword: all syndromes zero", arguments: 1...10)
    func reedSolomon(version: Int) {
        let bytes = (0..<QRCode.capacity(version)).map { UInt8(($0 * 37 + version) % 256) }
        for block in QRCode.errorCorrected(QRCode.dataCodewords(bytes, version: version), version: version) {
            let codeword = block.data + block.ec
            for power in 0..<block.ec.count { #expect(ReedSolomon.syndrome(codeword, power: power) == 0) }
            var damaged = codeword
            damaged[0] ^= 0x5A
            #expect((0..<block.ec.count).contains { ReedSolomon.syndrome(damaged, power: $0) != 0 })
        }
    }

    @Test("the smallest version that holds the text is chosen; too long is refused")
    func versions() throws {
        #expect(try QRCode.encode(String(repeating: "a", count: 14)).version == 1)
        #expect(try QRCode.encode(String(repeating: "a", count: 15)).version == 2)
        #expect(try QRCode.encode(String(repeating: "a", count: 213)).version == 10)
        #expect(throws: QRCode.Problem.tooLong(bytes: 214, most: 213)) { try QRCode.encode(String(repeating: "a", count: 214)) }
        #expect(throws: QRCode.Problem.empty) { try QRCode.encode("") }
    }

    @Test("finders, timing and both copies of the format bits are where a reader looks", arguments: [1, 6, 7, 10])
    func functionPatterns(version: Int) throws {
        let text = String(repeating: "x", count: QRCode.capacity(version))
        let code = try QRCode.encode(text)
        #expect(code.version == version)
        let m = code.modules
        let size = code.size
        #expect(size == 17 + 4 * version)
        for (row, column) in [(0, 0), (0, size - 7), (size - 7, 0)] {
            for d in 0..<7 {
                #expect(m[row][column + d] && m[row + 6][column + d] && m[row + d][column] && m[row + d][column + 6])
            }
            #expect(m[row + 3][column + 3] && !m[row + 1][column + 1])
        }
        for index in 8..<(size - 8) { #expect(m[6][index] == (index % 2 == 0) && m[index][6] == (index % 2 == 0)) }
        #expect(m[size - 8][8])
        var first = 0, second = 0
        let firstCells = (0...5).map { ($0, 8) } + [(7, 8), (8, 8), (8, 7)] + (9..<15).map { (8, 14 - $0) }
        let secondCells = (0..<8).map { (8, size - 1 - $0) } + (8..<15).map { (size - 15 + $0, 8) }
        for (bit, cell) in firstCells.enumerated() where m[cell.0][cell.1] { first |= 1 << bit }
        for (bit, cell) in secondCells.enumerated() where m[cell.0][cell.1] { second |= 1 << bit }
        #expect(first == second)
        #expect(first == QRCode.formatBits(mask: code.mask))
    }

    @Test("the SVG draws every dark module once, inside a quiet zone of four")
    func svg() throws {
        let code = try QRCode.encode("28" + String(repeating: "7", count: 16))
        let svg = code.svg(label: "payment code")
        let dark = code.modules.reduce(0) { $0 + $1.filter { $0 }.count }
        #expect(svg.components(separatedBy: "h1v1h-1z").count - 1 == dark)
        #expect(svg.contains("viewBox=\"0 0 \(code.size + 8) \(code.size + 8)\""))
        #expect(!svg.contains("M0 ") && !svg.contains("M1 ") && !svg.contains("M3 "))
    }
}

extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
