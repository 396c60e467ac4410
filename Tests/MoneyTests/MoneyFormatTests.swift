import Money
import PropertyBased
import Testing

@Suite("Formatting and parsing amounts")
struct MoneyFormatTests {
    @Test func readsAsPeopleWriteIt() throws {
        let price = Money(minorUnits: 123456, currency: .CNY)
        #expect(price.formatted(.zhCN) == "¥1,234.56")
        #expect(price.formatted(.en) == "CN¥1,234.56")
        #expect(Money(minorUnits: -5900, currency: .USD).formatted(.en) == "-US$59.00")
        #expect(Money(minorUnits: 1_500_000, currency: .JPY).formatted(.zhCN) == "JP¥1,500,000")
        #expect(Money(minorUnits: 1234, currency: .BHD).formatted(.en) == "BHD 1.234")
    }

    @Test("format then parse gives back the amount, for every currency, language and amount")
    func roundTrip() async {
        await propertyCheck(count: 2000, input: Gen.int64(in: Int64.min...Int64.max),
                            Gen.int(in: 0...(Currency.all.count - 1)), Gen.bool) { minor, index, chinese in
            let amount = Money(minorUnits: minor, currency: Currency.all[index])
            let language: Language = chinese ? .zhCN : .en
            let text = amount.formatted(language)
            let parsed = try Money(formatted: text, currency: amount.currency, language: language)
            #expect(parsed == amount, "\(text)")
        }
    }

    @Test("badly grouped or foreign text is refused", arguments: ["1,23.45", "12,3456", "¥1,234,5", "US$5", "1.234,56"])
    func malformed(text: String) {
        #expect(throws: MoneyError.self) { try Money(formatted: text, currency: .CNY, language: .zhCN) }
    }

    @Test func acceptLanguage() {
        #expect(Language.preferred(acceptLanguage: nil) == .zhCN)
        #expect(Language.preferred(acceptLanguage: "en-US,en;q=0.9") == .en)
        #expect(Language.preferred(acceptLanguage: "fr-FR, en;q=0.5, zh-CN;q=0.8") == .zhCN)
        #expect(Language.preferred(acceptLanguage: "de-DE") == .zhCN)
        #expect(Language.preferred(acceptLanguage: "zh-TW;q=0, en;q=0.1") == .en)
    }

    /// RFC 9110 §12.4.2: a weight is 0 to 1 with at most three decimals; anything else is no
    /// weight at all, and an enormous one must not overflow.
    @Test("weights outside 0 to 1 count for nothing, however large")
    func acceptLanguageWeightsOutOfRange() {
        #expect(Language.preferred(acceptLanguage: "en;q=9223372036854775807, zh;q=0.1") == .zhCN)
        #expect(Language.preferred(acceptLanguage: "en;q=99999999999999999999999") == .zhCN)
        #expect(Language.preferred(acceptLanguage: "en;q=1.5") == .zhCN)
        #expect(Language.preferred(acceptLanguage: "en;q=1.000") == .en)
    }
}
