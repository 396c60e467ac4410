import Foundation

/// How many units of `quote` one unit of `base` buys, exactly, with where the figure came
/// from and when it was true. 1 USD = 7.1032 CNY is base USD, quote CNY, rate 7.1032.
public struct ExchangeRate: Hashable, Sendable {
    public let base: Currency
    public let quote: Currency
    public let rate: ExactDecimal
    public let source: String
    public let asOf: Date

    public init(base: Currency, quote: Currency, rate: ExactDecimal, source: String, asOf: Date) throws(MoneyError) {
        guard rate.isPositive else { throw .nonPositiveRate(rate.description) }
        self.init(validated: base, quote: quote, rate: rate, source: source, asOf: asOf)
    }

    private init(validated base: Currency, quote: Currency, rate: ExactDecimal, source: String, asOf: Date) {
        self.base = base
        self.quote = quote
        self.rate = rate
        self.source = source
        self.asOf = asOf
    }

    /// The rate that leaves an amount as it is, for a conversion within one currency.
    public static func identity(_ currency: Currency, asOf: Date) -> ExchangeRate {
        ExchangeRate(validated: currency, quote: currency, rate: ExactDecimal(mantissa: 1, scale: 0),
                     source: "identity", asOf: asOf)
    }
}

/// The result of converting an amount: the rounded amount, and the exact part rounding left
/// behind, in minor units of the target currency (|remainder| ≤ ½), so that it can be booked.
public struct Conversion: Hashable, Sendable {
    public let source: Money
    public let rate: ExchangeRate
    public let rounding: Rounding
    public let converted: Money
    public let remainder: ExactDecimal
}

extension ExchangeRate {
    /// Converts `amount` (of `base`) into `quote`:
    /// exact = minor × rate × 10^(quote exponent − base exponent), then rounded.
    public func convert(_ amount: Money, rounding: Rounding = .halfEven) throws(MoneyError) -> Conversion {
        guard amount.currency == base else { throw .currencyMismatch(amount.currency, base) }
        // exact value in target minor units = numerator / 10^denominatorScale
        let denominatorScale = rate.scale + base.exponent
        let (product, overflow) = Int128(amount.minorUnits).multipliedReportingOverflow(by: Int128(rate.mantissa))
        guard !overflow else { throw .overflow }
        let (numerator, overflowAgain) = product.multipliedReportingOverflow(by: Power.ofTen(quote.exponent))
        guard !overflowAgain else { throw .overflow }
        let denominator = Power.ofTen(denominatorScale)
        let rounded = rounding.divide(numerator, by: denominator)
        guard let minor = Int64(exactly: rounded) else { throw .overflow }
        // |numerator − rounded × denominator| ≤ denominator / 2 ≤ 10^15 / 2, well inside Int64
        let leftover = numerator - rounded * denominator
        guard let leftoverMantissa = Int64(exactly: leftover) else { throw .overflow }
        return Conversion(
            source: amount, rate: self, rounding: rounding,
            converted: Money(minorUnits: minor, currency: quote),
            remainder: ExactDecimal(mantissa: leftoverMantissa, scale: denominatorScale)
        )
    }
}

extension ExchangeRate {
    /// Converts `amount` of `quote` back into `base` at this rate (CNY into the merchant's
    /// currency, when escrow is released): exact = minor × 10^(base exp + scale) / (mantissa ×
    /// 10^quote exp), then rounded.
    public func convertToBase(_ amount: Money, rounding: Rounding = .halfEven) throws(MoneyError) -> Money {
        guard amount.currency == quote else { throw .currencyMismatch(amount.currency, quote) }
        let (numerator, overflow) = Int128(amount.minorUnits).multipliedReportingOverflow(by: Power.ofTen(base.exponent + rate.scale))
        guard !overflow else { throw .overflow }
        let denominator = Int128(rate.mantissa) * Power.ofTen(quote.exponent)
        guard let minor = Int64(exactly: rounding.divide(numerator, by: denominator)) else { throw .overflow }
        return Money(minorUnits: minor, currency: base)
    }
}
