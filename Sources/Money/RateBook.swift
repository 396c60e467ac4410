import Foundation

/// The rates known at one moment, and the rule for choosing one: the latest rate for the
/// exact pair, no older than `maxAge`. A stale or missing rate is an error; there is no
/// silent 1.0 and no rate derived by inverting or chaining others.
public struct RateBook: Sendable {
    public let maxAge: TimeInterval
    private let latest: [Pair: ExchangeRate]

    struct Pair: Hashable {
        let base: Currency
        let quote: Currency
    }

    public init(rates: some Sequence<ExchangeRate>, maxAge: TimeInterval) {
        var latest: [Pair: ExchangeRate] = [:]
        for rate in rates {
            let pair = Pair(base: rate.base, quote: rate.quote)
            if let known = latest[pair], known.asOf >= rate.asOf { continue }
            latest[pair] = rate
        }
        self.latest = latest
        self.maxAge = maxAge
    }

    /// The newest rate of every pair, ordered by pair.
    public var rates: [ExchangeRate] {
        latest.values.sorted { ($0.base, $0.quote) < ($1.base, $1.quote) }
    }

    public func rate(from base: Currency, to quote: Currency, at now: Date) throws(MoneyError) -> ExchangeRate {
        if base == quote { return .identity(base, asOf: now) }
        guard let rate = latest[Pair(base: base, quote: quote)] else { throw .missingRate(from: base, to: quote) }
        guard now.timeIntervalSince(rate.asOf) <= maxAge else {
            throw .staleRate(from: base, to: quote, asOf: rate.asOf, maxAgeSeconds: Int(maxAge))
        }
        return rate
    }

    public func convert(_ amount: Money, to currency: Currency, at now: Date,
                        rounding: Rounding = .halfEven) throws(MoneyError) -> Conversion {
        try rate(from: amount.currency, to: currency, at: now).convert(amount, rounding: rounding)
    }
}
