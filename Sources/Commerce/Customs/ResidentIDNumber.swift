import Foundation
import Money

/// A PRC resident identity number (GB 11643-1999): six digits of region, eight of birth date,
/// three of sequence (odd for men, even for women), and a check character computed over the
/// first seventeen (ISO 7064 MOD 11-2), where 10 is written X.
public struct ResidentIDNumber: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// The first two digits of every province-level region code.
    static let provinceCodes: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45",
        "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    ]
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// Reads a number as written (a lower-case x is accepted); refuses one whose length,
    /// region, birth date or check character is wrong, saying which.
    public init(parsing text: String, today: Day) throws(AccountError) {
        let number = text.trimmingCharacters(in: .whitespaces).uppercased()
        let characters = Array(number)
        guard characters.count == 18 else { throw AccountError(field: "idNumber", "an identity number has 18 characters") }
        guard characters.prefix(17).allSatisfy({ $0.isASCIIDigit }),
              let last = characters.last, last == "X" || (last.isASCIIDigit)
        else { throw AccountError(field: "idNumber", "an identity number is 17 digits and a digit or X") }
        guard ResidentIDNumber.provinceCodes.contains(String(characters[0..<2])) else {
            throw AccountError(field: "idNumber", "the first six digits are not a region code")
        }
        let birth = String(characters[6..<14])
        guard let year = Int(birth.prefix(4)), let month = Int(birth.dropFirst(4).prefix(2)), let day = Int(birth.suffix(2)),
              Day.isValid(year: year, month: month, day: day), year >= 1900, Day(year, month, day) <= today
        else { throw AccountError(field: "idNumber", "digits 7 to 14 are not a real birth date") }
        guard ResidentIDNumber.checkCharacter(for: characters.prefix(17)) == last else {
            throw AccountError(field: "idNumber", "the check character is wrong: a digit was mistyped")
        }
        value = number
    }

    public static func checkCharacter(for digits: ArraySlice<Character>) -> Character {
        let sum = zip(digits, weights).reduce(0) { $0 + ($1.0.asciiDigitValue ?? 0) * $1.1 }
        return checkCharacters[sum % 11]
    }

    public var birthDate: Day {
        let c = Array(value)
        return Day(Int(String(c[6..<10])) ?? 1900, Int(String(c[10..<12])) ?? 1, Int(String(c[12..<14])) ?? 1)
    }

    /// "1101**********002X": what every page, log and answer shows.
    public var masked: String { value.prefix(4) + String(repeating: "*", count: 10) + value.suffix(4) }

    /// Never the number itself, so that it cannot reach a log by accident.
    public var description: String { masked }
}

extension Day {
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }
}
