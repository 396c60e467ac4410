import Money

/// The cross-border comprehensive tax on one line. Within the personal limits: tariff 0,
/// consumption tax and import VAT at 70% of the statutory amounts, on the dutiable value
/// (goods plus allocated freight and insurance). Exact until the end; each tax rounded
/// half-up to the fen, as customs does (customs.json, "rounding").
public struct LineTax: Sendable, Hashable {
    public let dutiableValue: Money
    public let consumptionTax: Money
    public let vat: Money
    /// Zero within the limits; the general-trade tariff for a single item taxed in full.
    public let tariff: Money
    /// The three taxes, added once, checked.
    public let total: Money

    public init(dutiableValue: Money, consumptionTax: Money, vat: Money, tariff: Money = .zero(.CNY)) throws(MoneyError) {
        self.dutiableValue = dutiableValue
        self.consumptionTax = consumptionTax
        self.vat = vat
        self.tariff = tariff
        self.total = try Money.total(consumptionTax, vat, tariff)
    }
}

/// How a line is taxed: within the personal limits (tariff 0, CT and VAT at 70 %), or in full
/// as general trade (tariff, CT and VAT at 100 %), as a single indivisible item above the
/// per-transaction limit is since 2019.
public enum TaxTreatment: Sendable, Hashable {
    case withinLimits
    case generalTrade(tariffRate: ExactDecimal)
}

public enum TaxError: Error, Equatable, Sendable, CustomStringConvertible {
    case noRulesOn(Day)
    case notCNY(Currency)
    case valueTooLarge(Money)

    public var description: String {
        switch self {
        case .noRulesOn(let day): return "no cross-border tax rules are known for \(day)"
        case .notCNY(let currency): return "the dutiable value must be in CNY, not \(currency.code)"
        case .valueTooLarge(let value): return "a dutiable value of \(value) is beyond any parcel"
        }
    }
}

public enum CrossBorderTax {
    /// On the composite base B = D + tariff: CT = B × r / (1 − r); VAT = (B + CT) × v = B × v / (1 − r);
    /// within the limits each × 0.7 (and no tariff); every amount rounded half-up.
    /// `quantity` items of `netContent` each (when known) make the line: the high-end tests of
    /// consumption tax price one item, or one ml, g or piece of it.
    public static func line(dutiableValue: Money, hsCode: String, on day: Day, treatment: TaxTreatment = .withinLimits,
                            quantity: Int64 = 1, netContent: NetContent? = nil) throws(TaxError) -> LineTax {
        guard dutiableValue.currency == .CNY else { throw .notCNY(dutiableValue.currency) }
        // Keeps every product below inside Int128; ten billion yuan is beyond any parcel.
        guard dutiableValue.minorUnits.magnitude <= 1_000_000_000_000 else { throw .valueTooLarge(dutiableValue) }
        guard let vat = CustomsRules.vatRate(on: day) else { throw .noRulesOn(day) }
        let ct = CustomsRules.consumptionTaxRate(hsCode: hsCode, on: day, dutiableValue: dutiableValue, quantity: quantity,
                                                 netContent: netContent)
        let (share, tariffRate): (ExactDecimal, ExactDecimal) = switch treatment {
        case .withinLimits: (CustomsRules.withinLimitShare, ExactDecimal(mantissa: 0, scale: 0))
        case .generalTrade(let rate): (ExactDecimal(mantissa: 1, scale: 0), rate)
        }
        let tariff = Rounding.halfUp.divide(Int128(dutiableValue.minorUnits) * Int128(tariffRate.mantissa), by: tenTo(tariffRate.scale))
        let value = Int128(dutiableValue.minorUnits) + tariff
        let one = tenTo(ct.scale)
        let remaining = one - Int128(ct.mantissa)  // (1 − r) × 10^scale
        // CT × share = B × r_m × s_m / ((10^scale − r_m) × 10^share.scale)
        let ctPayable = Rounding.halfUp.divide(value * Int128(ct.mantissa) * Int128(share.mantissa),
                                               by: remaining * tenTo(share.scale))
        // VAT × share = B × 10^scale × v_m × s_m / ((10^scale − r_m) × 10^v.scale × 10^share.scale)
        let vatPayable = Rounding.halfUp.divide(value * one * Int128(vat.mantissa) * Int128(share.mantissa),
                                                by: remaining * tenTo(vat.scale) * tenTo(share.scale))
        do {
            return try LineTax(dutiableValue: dutiableValue, consumptionTax: try Money(exactly: ctPayable, currency: .CNY),
                           vat: try Money(exactly: vatPayable, currency: .CNY), tariff: try Money(exactly: tariff, currency: .CNY))
        } catch { throw .valueTooLarge(dutiableValue) }
    }

    static func tenTo(_ n: Int) -> Int128 { Int128(powerOfTen(n)) }
}
