import Foundation
import Money
import TestSupport
import Testing

@Suite("Currencies")
struct CurrencyTests {
    struct ReferenceTable: Decodable {
        struct Entry: Decodable {
            let code: String
            let numeric: Int
            let exponent: Int
            let name: String
        }
        let currencies: [Entry]
    }

    @Test("the table is ISO 4217 as the reference gives it, code, number and exponent")
    func matchesReference() throws {
        let reference = try JSONDecoder().decode(ReferenceTable.self, from: ReferenceFile.data("currencies.json"))
        #expect(Currency.all.count == reference.currencies.count)
        for entry in reference.currencies {
            let currency = try Currency(code: entry.code)
            #expect(currency.numeric == entry.numeric, "\(entry.code)")
            #expect(currency.exponent == entry.exponent, "\(entry.code)")
            #expect(currency.name == entry.name, "\(entry.code)")
        }
    }

    @Test("unknown and mis-cased codes are errors")
    func unknownCodes() {
        for code in ["XXX", "usd", "", "US", "CNYY"] {
            #expect(throws: MoneyError.unknownCurrency(code)) { try Currency(code: code) }
        }
    }

    // currencies.json notes: "12.34 EUR is 1234; 1500 JPY is 1500; 1.234 BHD is 1234."
    @Test("minor units follow the exponent: EUR 2, JPY and KRW 0, BHD 3")
    func minorUnits() throws {
        #expect(try Money(decimal: "12.34", currency: .EUR).minorUnits == 1234)
        #expect(try Money(decimal: "1500", currency: .JPY).minorUnits == 1500)
        #expect(try Money(decimal: "1.234", currency: .BHD).minorUnits == 1234)
        #expect(try Money(decimal: "38000", currency: .KRW).minorUnits == 38000)
        #expect(Currency.JPY.exponent == 0 && Currency.KRW.exponent == 0 && Currency.BHD.exponent == 3)
        #expect(throws: MoneyError.tooManyDecimals("1500.5", .JPY)) { try Money(decimal: "1500.5", currency: .JPY) }
        #expect(throws: MoneyError.tooManyDecimals("1.2345", .BHD)) { try Money(decimal: "1.2345", currency: .BHD) }
        #expect(throws: MoneyError.tooManyDecimals("0.001", .CNY)) { try Money(decimal: "0.001", currency: .CNY) }
    }
}
