import Commerce
import Foundation
import Money
import Testing

/// Names are Unicode text; identifiers are ASCII. Swift's `isNumber` counts 一, ５ and 兆 as
/// numbers, so each rule is tried with characters that look right and are not.
@Suite("Names and identifiers")
struct IdentifierCharacterTests {
    /// Real names holding Chinese numerals, and ones from other scripts.
    @Test("names with Chinese numerals are names", arguments: ["张三", "李四", "李一鸣", "陆万里", "王〇", "赵六", "钱七七", "José Müller", "O'Neil"])
    func chineseNumeralsAreLetters(name: String) throws {
        #expect(try AccountRules.personName(name, field: "recipient") == name)
    }

    @Test("a digit of any script is not part of a name", arguments: ["张3", "李４", "Agent 007", "王٣"])
    func digitsAreRefused(name: String) {
        #expect(throws: AccountError.self) { try AccountRules.personName(name, field: "recipient") }
    }

    @Test("an identity number in full-width or Chinese digits is refused")
    func identityNumberDigits() {
        let today = Day(2026, 11, 23)
        for text in ["１１０１０５１９４９１２３１００２X", "一一〇一〇五一九四九一二三一〇〇二X"] {
            #expect(throws: AccountError.self) { try ResidentIDNumber(parsing: text, today: today) }
        }
    }

    @Test("tracking numbers are ASCII: look-alike digits and letters do not pass the S10 check")
    func trackingNumberCharacters() {
        let valid = TrackingNumber.make(serial: 12_345_678, country: "US")
        #expect(TrackingNumber.isValid(valid))
        let serial = Array(valid)[2...9]
        let fullWidth = String(serial.map { Character(UnicodeScalar(0xFF10 + UInt32($0.asciiDigitValue ?? 0)) ?? "0") })
        let chinese = String(serial.map { Array("〇一二三四五六七八九")[$0.asciiDigitValue ?? 0] })
        for forged in ["CB" + fullWidth + String(valid.suffix(3)), "CB" + chinese + String(valid.suffix(3)), "中国" + valid.dropFirst(2),
                       valid.prefix(11) + "美国", valid.lowercased()] {
            #expect(!TrackingNumber.isValid(forged), "\(forged)")
        }
        #expect(TrackingNumber.checkDigit(fullWidth) == nil && TrackingNumber.checkDigit(chinese) == nil)
    }

    @Test("air waybill and mobile numbers take ASCII digits only")
    func otherIdentifiers() {
        #expect(AirWaybillNumber.isValid("176-12345675"))
        #expect(!AirWaybillNumber.isValid("１７６-１２３４５６７５"))
        #expect(throws: AccountError.self) { try AccountRules.mobile("１３８００１３８０００") }
    }
}
