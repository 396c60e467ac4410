import Money
import Testing

@Suite("Money arithmetic")
struct MoneyArithmeticTests {
    let usd = Money(minorUnits: 5900, currency: .USD)

    @Test func addsAndSubtractsWithinOneCurrency() throws {
        #expect(try usd.adding(usd).minorUnits == 11800)
        #expect(try usd.subtracting(Money(minorUnits: 10000, currency: .USD)).minorUnits == -4100)
        #expect(try usd.multiplied(by: 3).minorUnits == 17700)
        #expect(try Money.sum([usd, usd, usd], currency: .USD) == usd.multiplied(by: 3))
    }

    @Test("different currencies never mix")
    func currencyMismatch() {
        let cny = Money(minorUnits: 100, currency: .CNY)
        #expect(throws: MoneyError.currencyMismatch(.USD, .CNY)) { try usd.adding(cny) }
        #expect(throws: MoneyError.currencyMismatch(.USD, .CNY)) { try usd.subtracting(cny) }
        #expect(throws: MoneyError.currencyMismatch(.USD, .CNY)) { try Money.sum([usd, cny], currency: .USD) }
    }

    @Test("overflow is an error, not a crash or a wrap")
    func overflow() {
        let huge = Money(minorUnits: .max, currency: .CNY)
        #expect(throws: MoneyError.overflow) { try huge.adding(Money(minorUnits: 1, currency: .CNY)) }
        #expect(throws: MoneyError.overflow) { try Money(minorUnits: .min, currency: .CNY).subtracting(Money(minorUnits: 1, currency: .CNY)) }
        #expect(throws: MoneyError.overflow) { try huge.multiplied(by: 2) }
        #expect(throws: MoneyError.overflow) { try Money(minorUnits: .min, currency: .CNY).negated() }
        #expect(throws: MoneyError.overflow) { try Money(decimal: "92233720368547758.08", currency: .CNY) }
    }

    @Test("text that is not a plain decimal amount is refused", arguments: ["", "-", "1.", ".5", "1,000", "1e3", "¥5", "1.2.3", " 1", "0x10", "１２"])
    func malformedAmounts(text: String) {
        #expect(throws: MoneyError.malformedAmount(text)) { try Money(decimal: text, currency: .CNY) }
    }

    @Test func decimalText() throws {
        #expect(Money(minorUnits: 5, currency: .CNY).decimalText == "0.05")
        #expect(Money(minorUnits: -123456, currency: .CNY).decimalText == "-1234.56")
        #expect(Money(minorUnits: 1500, currency: .JPY).decimalText == "1500")
        #expect(Money(minorUnits: 7, currency: .BHD).decimalText == "0.007")
    }
}
