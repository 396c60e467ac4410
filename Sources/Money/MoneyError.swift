import Foundation

/// Everything that can go wrong with amounts, currencies and rates. Each case names what is at
/// fault so that an API can answer with a precise 4xx instead of crashing.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownCurrency(String)
    case currencyMismatch(Currency, Currency)
    case overflow
    case malformedAmount(String)
    case tooManyDecimals(String, Currency)
    case malformedDecimal(String)
    case nonPositiveRate(String)
    case missingRate(from: Currency, to: Currency)
    case staleRate(from: Currency, to: Currency, asOf: Date, maxAgeSeconds: Int)

    public var description: String {
        switch self {
        case .unknownCurrency(let code):
            return "'\(code)' is not an ISO 4217 currency code"
        case .currencyMismatch(let a, let b):
            return "cannot combine \(a.code) with \(b.code)"
        case .overflow:
            return "the amount is too large to represent"
        case .malformedAmount(let text):
            return "'\(text)' is not an amount"
        case .tooManyDecimals(let text, let currency):
            return "'\(text)' has more decimals than \(currency.code) allows (\(currency.exponent))"
        case .malformedDecimal(let text):
            return "'\(text)' is not a decimal number"
        case .nonPositiveRate(let text):
            return "an exchange rate must be greater than zero, not \(text)"
        case .missingRate(let from, let to):
            return "no exchange rate from \(from.code) to \(to.code)"
        case .staleRate(let from, let to, let asOf, let maxAge):
            return "the \(from.code)→\(to.code) rate of \(asOf.ISO8601Format()) is older than \(maxAge) seconds"
        }
    }
}
