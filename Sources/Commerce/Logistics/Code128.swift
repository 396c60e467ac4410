/// Code 128 (ISO/IEC 15417), code set B: printable ASCII as bars. A symbol is a start
/// character, the data, a check character (the start value plus each character's value times
/// its position, modulo 103) and the stop character, each drawn as bars and spaces whose
/// widths, in modules, come from the standard's table.
public enum Code128 {
    /// Bar/space widths of values 0…106 (106 is the stop, with its final bar).
    static let patterns: [String] = [
        "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
        "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
        "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
        "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
        "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
        "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
        "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
        "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
        "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
        "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
        "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
    ]
    public static let startB = 104
    public static let stop = 106

    public enum Problem: Error, Equatable, Sendable {
        case empty
        case notPrintableASCII(Character)
    }

    /// The symbol values: start B, the data (character − 32), the check value, stop.
    public static func values(_ text: String) throws(Problem) -> [Int] {
        guard !text.isEmpty else { throw .empty }
        var values = [startB]
        for character in text {
            guard let ascii = character.asciiValue, (32...126).contains(ascii) else { throw .notPrintableASCII(character) }
            values.append(Int(ascii) - 32)
        }
        let check = values.enumerated().reduce(0) { $0 + ($1.offset == 0 ? $1.element : $1.offset * $1.element) } % 103
        return values + [check, stop]
    }

    /// Alternating bar and space widths, in modules, starting with a bar.
    public static func widths(_ text: String) throws(Problem) -> [Int] {
        try values(text).flatMap { value in patterns[value].compactMap { $0.wholeNumberValue } }
    }

    /// The barcode as SVG: black bars on white with a quiet zone of ten modules each side, and
    /// the text under it.
    public static func svg(_ text: String, module: Int = 2, height: Int = 80) throws(Problem) -> String {
        let widths = try widths(text)
        let quiet = 10
        var x = quiet
        var bars = ""
        for (index, width) in widths.enumerated() {
            if index % 2 == 0 {
                bars += "<rect x=\"\(x * module)\" y=\"0\" width=\"\(width * module)\" height=\"\(height)\"/>"
            }
            x += width
        }
        let total = (x + quiet) * module
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="barcode" width="\(total)" height="\(height + 22)" viewBox="0 0 \(total) \(height + 22)" role="img" aria-label="\(Markup.escape(text))"><rect width="100%" height="100%" fill="#fff"/><g fill="#000">\(bars)</g><text x="\(total / 2)" y="\(height + 17)" text-anchor="middle" font-family="monospace" font-size="14">\(Markup.escape(text))</text></svg>
            """
    }
}
