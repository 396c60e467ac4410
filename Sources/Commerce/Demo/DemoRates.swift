import Foundation
import Money

/// Reference rates for the demo merchants' currencies, quoted both ways against CNY (the
/// platform never derives a rate by inverting another). A sandbox feed republishes them so
/// that a demo left running keeps fresh rates, as a bank's feed would.
public enum DemoRates {
    public static let source = "sandbox reference feed"

    static let quotes: [(base: Currency, quote: Currency, rate: String)] = [
        (.USD, .CNY, "7.1180"), (.CNY, .USD, "0.140489"),
        (.EUR, .CNY, "8.2350"), (.CNY, .EUR, "0.121433"),
        (.GBP, .CNY, "9.3400"), (.CNY, .GBP, "0.107066"),
        (.CHF, .CNY, "8.8560"), (.CNY, .CHF, "0.112918"),
        (.JPY, .CNY, "0.04720"), (.CNY, .JPY, "21.19"),
        (.KRW, .CNY, "0.005120"), (.CNY, .KRW, "195.31"),
    ]

    public static func rates(asOf: Date) -> [ExchangeRate] {
        quotes.compactMap { quote in
            // every literal above is a positive decimal; a test checks that all of them load
            guard let rate = try? ExactDecimal(parsing: quote.rate) else { return nil }
            return try? ExchangeRate(base: quote.base, quote: quote.quote, rate: rate, source: source, asOf: asOf)
        }
    }
}
