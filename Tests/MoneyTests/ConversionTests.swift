import Foundation
import Money
import PropertyBased
import Testing

@Suite("Exchange rates and conversion")
struct ConversionTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func rate(_ base: Currency, _ quote: Currency, _ text: String, age: TimeInterval = 0) throws -> ExchangeRate {
        try ExchangeRate(base: base, quote: quote, rate: ExactDecimal(parsing: text), source: "test", asOf: now - age)
    }

    @Test("rounding half-even sends exact halves to the even neighbour; half-up away from zero")
    func roundingHalves() throws {
        // 1 CNY unit at 0.5 gives exactly half a unit; 3 at 0.5 gives 1.5; 5 at 0.5 gives 2.5.
        let half = try rate(.CNY, .CNY, "0.5")
        let cases: [(Int64, Int64, Int64)] = [(1, 0, 1), (3, 2, 2), (5, 2, 3), (-5, -2, -3), (-3, -2, -2), (7, 4, 4)]
        for (minor, even, up) in cases {
            let amount = Money(minorUnits: minor, currency: .CNY)
            #expect(try half.convert(amount, rounding: .halfEven).converted.minorUnits == even, "\(minor) half-even")
            #expect(try half.convert(amount, rounding: .halfUp).converted.minorUnits == up, "\(minor) half-up")
        }
    }

    @Test("the remainder is exactly what rounding left, never more than half a minor unit")
    func remainderIsExact() throws {
        let usdCny = try rate(.USD, .CNY, "7.1180")
        let conversion = try usdCny.convert(Money(minorUnits: 1899, currency: .USD))  // 18.99 × 7.1180 = 135.17082
        #expect(conversion.converted == Money(minorUnits: 13517, currency: .CNY))
        #expect(conversion.remainder == ExactDecimal(mantissa: 82, scale: 3))
        let krw = try rate(.KRW, .CNY, "0.005120").convert(Money(minorUnits: 38000, currency: .KRW))  // 194.56 exactly
        #expect(krw.converted == Money(minorUnits: 19456, currency: .CNY))
        #expect(krw.remainder.isZero)
        let toYen = try rate(.CNY, .JPY, "21.19").convert(Money(minorUnits: 1, currency: .CNY))  // 0.2119 yen
        #expect(toYen.converted.minorUnits == 0)
        #expect(toYen.remainder == ExactDecimal(mantissa: 2119, scale: 4))
    }

    @Test("conversion never creates or loses more than the stated remainder")
    func conservation() async {
        await propertyCheck(count: 2000, input: Gen.int64(in: -1_000_000_000_000...1_000_000_000_000),
                            Gen.int64(in: 1...99_999_999), Gen.int(in: 0...8),
                            Gen.int(in: 0...(Currency.all.count - 1)), Gen.int(in: 0...(Currency.all.count - 1))) {
            minor, mantissa, scale, from, to in
            let base = Currency.all[from]
            let quote = Currency.all[to]
            let rate = try ExchangeRate(base: base, quote: quote, rate: ExactDecimal(mantissa: mantissa, scale: scale),
                                        source: "property", asOf: Date(timeIntervalSince1970: 0))
            for rounding in Rounding.allCases {
                let conversion = try rate.convert(Money(minorUnits: minor, currency: base), rounding: rounding)
                // exact value in target minor units, as a fraction over 10^denominatorScale
                let denominatorScale = scale + base.exponent
                var denominator: Int128 = 1
                for _ in 0..<denominatorScale { denominator *= 10 }
                var exact = Int128(minor) * Int128(mantissa)
                for _ in 0..<quote.exponent { exact *= 10 }
                let remainder = conversion.remainder
                #expect(remainder.scale == denominatorScale)
                #expect(Int128(conversion.converted.minorUnits) * denominator + Int128(remainder.mantissa) == exact)
                #expect(Int128(remainder.mantissa).magnitude * 2 <= denominator.magnitude)
            }
        }
    }

    @Test("a conversion too large for Int64 is an overflow error")
    func conversionOverflow() throws {
        #expect(throws: MoneyError.overflow) {
            try rate(.KRW, .CNY, "9999999").convert(Money(minorUnits: .max, currency: .KRW))
        }
    }

    @Test("rates are exact decimals; malformed, negative and zero rates are refused")
    func parsingRates() throws {
        #expect(try ExactDecimal(parsing: "7.1180") == ExactDecimal(mantissa: 7118, scale: 3))
        #expect(try ExactDecimal(parsing: "7.1180").description == "7.118")
        #expect(try ExactDecimal(parsing: "0.000001").description == "0.000001")
        for text in ["", "7,1", "1e3", "abc", ".5", "5.", "0.1234567890123"] {
            #expect(throws: MoneyError.malformedDecimal(text)) { try ExactDecimal(parsing: text) }
        }
        #expect(throws: MoneyError.nonPositiveRate("0")) { try rate(.USD, .CNY, "0") }
        #expect(throws: MoneyError.nonPositiveRate("-7.1")) { try rate(.USD, .CNY, "-7.1") }
    }

    @Test("the book uses the newest rate of a pair, and never a stale or missing one")
    func rateBook() throws {
        let book = RateBook(rates: [try rate(.USD, .CNY, "7.00", age: 7200), try rate(.USD, .CNY, "7.10", age: 60),
                                    try rate(.EUR, .CNY, "8.2", age: 90000)], maxAge: 3600)
        #expect(try book.rate(from: .USD, to: .CNY, at: now).rate == ExactDecimal(parsing: "7.10"))
        #expect(throws: MoneyError.staleRate(from: .EUR, to: .CNY, asOf: now - 90000, maxAgeSeconds: 3600)) {
            try book.rate(from: .EUR, to: .CNY, at: now)
        }
        #expect(throws: MoneyError.missingRate(from: .CNY, to: .USD)) { try book.rate(from: .CNY, to: .USD, at: now) }
        let same = try book.convert(Money(minorUnits: 999, currency: .CHF), to: .CHF, at: now)
        #expect(same.converted.minorUnits == 999 && same.remainder.isZero)
    }
}
