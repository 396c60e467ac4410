import Commerce
import Foundation
import Testing

/// Each identifier an application carries, with numbers its own issuer or registry publishes.
@Suite("Business identifiers on a merchant's application")
struct BusinessIdentifierTests {
    /// Routing numbers in the Federal Reserve's E-Payments Routing Directory: the Federal
    /// Reserve Bank of Boston, JPMorgan Chase, Bank of America (New York), Wells Fargo.
    static let routingNumbers = ["011000015", "021000021", "026009593", "121000248"]
    /// LEIs in GLEIF's public records: GLEIF itself, Apple Inc., Deutsche Bank AG, Bloomberg Finance L.P.
    static let leis = ["506700GE1G29325QX363", "HWUPKR0MPOU8FGXBT394", "7LTWFZYICNSX8D621K86", "5493001KJTIIGC8Y1R12"]
    /// Partite IVA printed by their companies: Pirelli & C., TIM, Eni, Ferrari, Enel.
    static let partiteIVA = ["00743110157", "00488410010", "00905811006", "00159560366", "00934061003"]
    /// Business registration numbers the companies print: Samsung Electronics, NAVER.
    static let koreanNumbers = ["124-81-00998", "220-81-62517"]

    /// Every number that differs from `valid` in one digit, at every position.
    static func oneDigitOff(_ valid: String) -> [String] {
        let characters = Array(valid)
        return characters.indices.filter { characters[$0].isNumber }.flatMap { index in
            (0...9).map(String.init).filter { $0 != String(characters[index]) }.map { digit in
                var typo = characters
                typo[index] = Character(digit)
                return String(typo)
            }
        }
    }

    @Test("published routing numbers pass, and every one-digit typo of them is refused", arguments: routingNumbers)
    func routing(number: String) throws {
        #expect(try ABARoutingNumber(number).value == number)
        #expect(try ABARoutingNumber("\(number.prefix(4)) \(number.dropFirst(4))").value == number, "spaces people type are ignored")
        for typo in Self.oneDigitOff(number) {
            #expect(throws: IdentifierProblem.self, "\(typo)") { try ABARoutingNumber(typo) }
        }
    }

    @Test("a routing number's shape and Federal Reserve prefix are checked")
    func routingShape() {
        #expect(throws: IdentifierProblem(.routingNumber, .shape)) { try ABARoutingNumber("02100002") }
        #expect(throws: IdentifierProblem(.routingNumber, .shape)) { try ABARoutingNumber("02100002A") }
        // 13 is no routing symbol; the rest of the number is made to pass the checksum.
        #expect(throws: IdentifierProblem(.routingNumber, .unknownPrefix)) {
            try ABARoutingNumber("130000006")
        }
    }

    /// MOD 97-10 catches every single substitution of one digit for another; a letter counts as
    /// two digits (10…35), so a letter typed for a digit can slip through (0 → Z does in GLEIF's
    /// own code), which is why the test holds it to digits.
    @Test("published LEIs pass MOD 97-10, and every one-digit typo among their digits is refused", arguments: leis)
    func lei(code: String) throws {
        #expect(try LEI(code.lowercased()).value == code)
        for typo in Self.oneDigitOff(code) {
            #expect(throws: IdentifierProblem.self, "\(typo)") { try LEI(typo) }
        }
    }

    @Test("an LEI is twenty characters ending in two digits")
    func leiShape() {
        let shape = IdentifierProblem(.lei, .shape)
        #expect(throws: shape) { try LEI("506700GE1G29325QX36") }
        #expect(throws: shape) { try LEI("506700GE1G29325QX3A3") }
        #expect(throws: shape) { try LEI("506700GE1G29325QX-63") }
        #expect(throws: IdentifierProblem(.lei, .checkDigit)) { try LEI("506700GE1G29325QX364") }
    }

    @Test("published partite IVA pass the Luhn check, and every one-digit typo is refused", arguments: partiteIVA)
    func partitaIVA(number: String) throws {
        #expect(try PartitaIVA(number).value == number)
        for typo in Self.oneDigitOff(number) {
            #expect(throws: IdentifierProblem(.partitaIVA, .checkDigit), "\(typo)") { try PartitaIVA(typo) }
        }
        #expect(throws: IdentifierProblem(.partitaIVA, .shape)) { try PartitaIVA(String(number.dropLast())) }
    }

    @Test("published Korean business numbers pass the National Tax Service's check, and every one-digit typo is refused",
          arguments: koreanNumbers)
    func korean(number: String) throws {
        let parsed = try KoreanBusinessNumber(number.replacingOccurrences(of: "-", with: ""))
        #expect(parsed.formatted == number)
        for typo in Self.oneDigitOff(number) {
            #expect(throws: IdentifierProblem(.koreanBusinessNumber, .checkDigit), "\(typo)") {
                try KoreanBusinessNumber(typo)
            }
        }
        #expect(throws: IdentifierProblem(.koreanBusinessNumber, .shape)) {
            try KoreanBusinessNumber(number + "0")
        }
    }

    @Test("a D-U-N-S number is nine digits, hyphens allowed, with no check digit to test")
    func duns() throws {
        #expect(try DUNSNumber("15-048-3782").value == "150483782")
        #expect(try DUNSNumber("150483783").value == "150483783", "any nine digits: D&B issues no check digit since 2006")
        for wrong in ["15048378", "1504837820", "15-048-378A", ""] {
            #expect(throws: IdentifierProblem(.dunsNumber, .shape)) { try DUNSNumber(wrong) }
        }
    }

    @Test("a UK company number: eight digits (padded), or a Companies House prefix and six digits")
    func ukCompany() throws {
        #expect(try UKCompanyNumber("00102498").value == "00102498")   // BP p.l.c.
        #expect(try UKCompanyNumber("445790").value == "00445790")     // Tesco PLC, written without its zeros
        #expect(try UKCompanyNumber("sc045551").value == "SC045551")   // a Scottish company
        #expect(try UKCompanyNumber("OC300001").value == "OC300001")   // an LLP in England and Wales
        #expect(try UKCompanyNumber("R0000001").value == "R0000001")   // Northern Ireland's pre-1922 register
        #expect(throws: IdentifierProblem.self) { try UKCompanyNumber("XX123456") }
        #expect(throws: IdentifierProblem.self) { try UKCompanyNumber("SC12345") }
        #expect(throws: IdentifierProblem.self) { try UKCompanyNumber("001024981") }
        #expect(throws: IdentifierProblem.self) { try UKCompanyNumber("SC04555A") }
    }

    @Test("EU VAT numbers follow their country's format from the VIES FAQ; Italy's also its check digit")
    func euVAT() throws {
        let valid = ["ATU12345678", "BE0123456789", "BG123456789", "BG1234567890", "CY12345678L", "CZ12345678", "DE123456789",
                     "DK12345678", "EE123456789", "EL123456789", "ESA1234567B", "ES12345678Z", "FI12345678", "FRXX123456789",
                     "FR12123456789", "HR12345678901", "HU12345678", "IE1234567WA", "IE1234567T", "IE1A23456B", "IT00743110157",
                     "LT123456789", "LT123456789012", "LU12345678", "LV12345678901", "MT12345678", "NL123456789B01", "PL1234567890",
                     "PT123456789", "RO12", "RO1234567890", "SE123456789701", "SI12345678", "SK1234567890", "XI123456789", "XIGD123"]
        for number in valid {
            #expect(try EUVATNumber(number).value == number, "\(number)")
        }
        #expect(try EUVATNumber("de 123 456 789").value == "DE123456789")
        for (number, kind) in [("GR123456789", IdentifierProblem.Kind.unknownPrefix), ("GB123456789", .unknownPrefix),
                               ("DE12345678", .shape), ("AT12345678", .shape), ("NL123456789C01", .shape), ("SE123456789702", .shape),
                               ("RO1", .shape), ("BE2123456789", .shape), ("IT00743110158", .checkDigit)] {
            #expect(throws: IdentifierProblem.self, "\(number)") { try EUVATNumber(number) }
            do {
                _ = try EUVATNumber(number)
            } catch {
                #expect(error.kind == kind, "\(number): \(error)")
            }
        }
    }

    @Test("a VAT number of the wrong shape carries its country's formats, so that the form can show them")
    func vatFormats() {
        #expect(throws: IdentifierProblem(.euVATNumber, .shape, formats: EUVATNumber.formats["BG", default: []].map { "BG" + $0 })) {
            try EUVATNumber("BG12345678")
        }
    }
}
