/// A QR symbol being drawn: its modules, and which of them belong to the function patterns
/// (finders, timing, alignment, format and version areas) that data and masks leave alone.
/// Indexed [row][column].
struct Grid {
    let version: Int
    let size: Int
    var dark: [[Bool]]
    var reserved: [[Bool]]

    init(version: Int) {
        self.version = version
        size = 17 + 4 * version
        dark = Array(repeating: Array(repeating: false, count: size), count: size)
        reserved = dark
    }

    mutating func set(_ row: Int, _ column: Int, _ isDark: Bool) {
        dark[row][column] = isDark
        reserved[row][column] = true
    }

    mutating func placeFunctionPatterns() {
        for index in 0..<size {
            set(6, index, index % 2 == 0)
            set(index, 6, index % 2 == 0)
        }
        for (row, column) in [(3, 3), (3, size - 4), (size - 4, 3)] { placeFinder(row, column) }
        let centres = QRCode.alignmentCentres[version]
        for row in centres {
            for column in centres {
                let overlapsFinder = (row == 6 && column == 6) || (row == 6 && column == centres.last) || (row == centres.last && column == 6)
                if !overlapsFinder { placeAlignment(row, column) }
            }
        }
        // The format areas are reserved now and written once the mask is chosen.
        placeFormat(mask: 0)
        if version >= 7 {
            let bits = QRCode.versionBits(version)
            for index in 0..<18 {
                let isDark = (bits >> index) & 1 == 1
                let (long, short) = (size - 11 + index % 3, index / 3)
                set(short, long, isDark)
                set(long, short, isDark)
            }
        }
    }

    /// A 7×7 finder with its light separator, centred on (row, column).
    mutating func placeFinder(_ row: Int, _ column: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let (y, x) = (row + dy, column + dx)
                guard (0..<size).contains(y), (0..<size).contains(x) else { continue }
                let ring = max(abs(dx), abs(dy))
                set(y, x, ring != 2 && ring != 4)
            }
        }
    }

    mutating func placeAlignment(_ row: Int, _ column: Int) {
        for dy in -2...2 {
            for dx in -2...2 { set(row + dy, column + dx, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// Both copies of the format bits, and the dark module beside the lower-left finder.
    mutating func placeFormat(mask: Int) {
        let bits = QRCode.formatBits(mask: mask)
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        for index in 0...5 { set(index, 8, bit(index)) }
        set(7, 8, bit(6))
        set(8, 8, bit(7))
        set(8, 7, bit(8))
        for index in 9..<15 { set(8, 14 - index, bit(index)) }
        for index in 0..<8 { set(8, size - 1 - index, bit(index)) }
        for index in 8..<15 { set(size - 15 + index, 8, bit(index)) }
        set(size - 8, 8, true)
    }

    /// The codewords' bits, most significant first, up and down two-column strips from the
    /// bottom right, skipping the vertical timing column.
    mutating func place(_ codewords: [UInt8], remainder: Int) {
        let total = codewords.count * 8 + remainder
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = ((right + 1) & 2) == 0
            for step in 0..<size {
                let row = upward ? size - 1 - step : step
                for column in [right, right - 1] where !reserved[row][column] && index < total {
                    dark[row][column] = index < codewords.count * 8 && (codewords[index >> 3] >> (7 - (index & 7))) & 1 == 1
                    index += 1
                }
            }
            right -= 2
        }
    }

    /// Data modules flipped where the mask's condition holds (i = row, j = column).
    mutating func apply(mask: Int) {
        for row in 0..<size {
            for column in 0..<size where !reserved[row][column] && Grid.masked(mask, row, column) {
                dark[row][column].toggle()
            }
        }
    }

    static func masked(_ mask: Int, _ i: Int, _ j: Int) -> Bool {
        switch mask {
        case 0: return (i + j) % 2 == 0
        case 1: return i % 2 == 0
        case 2: return j % 3 == 0
        case 3: return (i + j) % 3 == 0
        case 4: return (i / 2 + j / 3) % 2 == 0
        case 5: return (i * j) % 2 + (i * j) % 3 == 0
        case 6: return ((i * j) % 2 + (i * j) % 3) % 2 == 0
        default: return ((i + j) % 2 + (i * j) % 3) % 2 == 0
        }
    }

    /// The standard's penalty (7.8.3): runs of five or more, 2×2 blocks, finder-like
    /// stretches, and the dark share's distance from half. The mask with the least is used.
    func penalty() -> Int {
        var score = 0
        let lines = dark + (0..<size).map { column in dark.map { $0[column] } }
        let finderLike: [[Bool]] = [
            [true, false, true, true, true, false, true, false, false, false, false],
            [false, false, false, false, true, false, true, true, true, false, true],
        ]
        for line in lines {
            var run = 1
            for index in 1..<size {
                if line[index] == line[index - 1] {
                    run += 1
                } else {
                    if run >= 5 { score += run - 2 }
                    run = 1
                }
            }
            if run >= 5 { score += run - 2 }
            for start in 0...(size - 11) where finderLike.contains(where: { Array(line[start..<start + 11]) == $0 }) {
                score += 40
            }
        }
        for row in 0..<(size - 1) {
            for column in 0..<(size - 1) {
                let colour = dark[row][column]
                if dark[row][column + 1] == colour && dark[row + 1][column] == colour && dark[row + 1][column + 1] == colour { score += 3 }
            }
        }
        let darkCount = dark.reduce(0) { $0 + $1.filter { $0 }.count }
        let percent = darkCount * 100 / (size * size)
        score += abs(percent - 50) / 5 * 10
        return score
    }
}
