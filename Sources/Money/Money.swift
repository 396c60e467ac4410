/// An amount of one currency in minor units (fen, cents, yen). Arithmetic is checked: a
/// currency mismatch or an overflow is an error, never a crash and never a silent wrap.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    public var isZero: Bool { minorUnits == 0 }

    public func adding(_ other: Money) throws(MoneyError) -> Money {
        guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        guard !overflow else { throw .overflow }
        return Money(minorUnits: sum, currency: currency)
    }

    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        guard !overflow else { throw .overflow }
        return Money(minorUnits: difference, currency: currency)
    }

    public func multiplied(by quantity: Int64) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: quantity)
        guard !overflow else { throw .overflow }
        return Money(minorUnits: product, currency: currency)
    }

    public func negated() throws(MoneyError) -> Money {
        guard minorUnits != .min else { throw .overflow }
        return Money(minorUnits: -minorUnits, currency: currency)
    }

    /// The sum of `first` and `rest`, all of `first`'s currency.
    public static func total(_ first: Money, _ rest: Money...) throws(MoneyError) -> Money {
        var total = first
        for amount in rest { total = try total.adding(amount) }
        return total
    }

    /// An amount worked out in a wider type (a product or quotient of amounts) brought back to
    /// Int64 minor units: out of range is an overflow, never a trap.
    public init(exactly minorUnits: Int128, currency: Currency) throws(MoneyError) {
        guard let narrow = Int64(exactly: minorUnits) else { throw .overflow }
        self.init(minorUnits: narrow, currency: currency)
    }

    /// The sum of `amounts`, all of `currency`.
    public static func sum(_ amounts: some Sequence<Money>, currency: Currency) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    /// Plain decimal text in major units with exactly the currency's digits: "1234.50", "1500".
    public var decimalText: String {
        ExactDecimal(mantissa: minorUnits, scale: currency.exponent).paddedText
    }

    public var description: String { "\(decimalText) \(currency.code)" }

    /// Parses plain decimal text in major units ("12.34", "1500") for `currency`. More decimals
    /// than the currency has is an error, never a silent rounding.
    public init(decimal text: String, currency: Currency) throws(MoneyError) {
        let parts: DecimalDigits
        do { parts = try DecimalDigits(text) } catch { throw .malformedAmount(text) }
        guard parts.fraction.count <= currency.exponent else { throw .tooManyDecimals(text, currency) }
        let padded = parts.digits + String(repeating: "0", count: currency.exponent - parts.fraction.count)
        guard let magnitude = Int64(padded) else { throw .overflow }
        self.init(minorUnits: parts.negative ? -magnitude : magnitude, currency: currency)
    }
}
