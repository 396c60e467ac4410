/// The check-digit schemes business identifiers use, one piece for every identifier that shares
/// a scheme. Each takes ASCII bytes already checked to be digits (or, for MOD 97-10, digits and
/// capitals).
public enum CheckDigits {
    /// ISO 7064 MOD 97-10 (IBAN, ISO 13616; LEI, ISO 17442): letters read as 10…35, and the
    /// whole number, taken one digit at a time, modulo 97. A valid number leaves 1.
    public static func mod97(_ bytes: some Sequence<UInt8>) -> Int {
        var remainder = 0
        for byte in bytes {
            let value = byte <= 57 ? Int(byte - 48) : Int(byte - 55)
            remainder = (value >= 10 ? remainder * 100 : remainder * 10) + value
            remainder %= 97
        }
        return remainder
    }

    /// Luhn (ISO/IEC 7812-1), which Italy's Partita IVA uses: from the right, every second
    /// digit doubled (less 9 when above 9); a valid number's sum is a multiple of ten.
    public static func luhnHolds(_ digits: [Int]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let doubled = offset % 2 == 1 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return sum % 10 == 0
    }

    /// The sum of `digits` times `weights`, position by position.
    public static func weighted(_ digits: [Int], _ weights: [Int]) -> Int {
        zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The digits of `text` once the separators people write (spaces, hyphens, dots, slashes)
    /// are taken out, or nil if anything else is left or the count is not `count`.
    static func digits(of text: String, count: Int) -> [Int]? {
        let kept = text.unicodeScalars.filter { !" -./".unicodeScalars.contains($0) }
        guard kept.count == count, kept.allSatisfy({ $0.value >= 48 && $0.value <= 57 }) else { return nil }
        return kept.map { Int($0.value - 48) }
    }
}
