import Money

/// The cross-border comprehensive tax on one line, within the personal limits: tariff 0,
/// consumption tax and import VAT at 70% of the statutory amounts, on the dutiable value
/// (goods plus allocated freight and insurance). Exact until the end; each tax rounded
/// half-up to the fen, as customs does (customs.json, "rounding").
public struct LineTax: Sendable, Hashable {
    public let dutiableValue: Money
    public let consumptionTax: Money
    public let vat: Money
    public var total: Money { Money(minorUnits: consumptionTax.minorUnits + vat.minorUnits, currency: .CNY) }

    public init(dutiableValue: Money, consumptionTax: Money, vat: Money) {
        self.dutiableValue = dutiableValue
        self.consumptionTax = consumptionTax
        self.vat = vat
    }
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
    /// CT = D × r / (1 − r); VAT = (D + CT) × v = D × v / (1 − r); each × 0.7, rounded half-up.
    public static func line(dutiableValue: Money, hsCode: String, on day: Day) throws(TaxError) -> LineTax {
        guard dutiableValue.currency == .CNY else { throw .notCNY(dutiableValue.currency) }
        // Keeps every product below inside Int128; ten billion yuan is beyond any parcel.
        guard dutiableValue.minorUnits.magnitude <= 1_000_000_000_000 else { throw .valueTooLarge(dutiableValue) }
        guard let vat = CustomsRules.vatRate(on: day) else { throw .noRulesOn(day) }
        let ct = CustomsRules.consumptionTaxRate(hsCode: hsCode, on: day)
        let share = CustomsRules.withinLimitShare
        let value = Int128(dutiableValue.minorUnits)
        let one = tenTo(ct.scale)
        let remaining = one - Int128(ct.mantissa)  // (1 − r) × 10^scale
        // CT × 0.7 = D × r_m × s_m / ((10^scale − r_m) × 10^share.scale)
        let ctPayable = Rounding.halfUp.divide(value * Int128(ct.mantissa) * Int128(share.mantissa),
                                               by: remaining * tenTo(share.scale))
        // VAT × 0.7 = D × 10^scale × v_m × s_m / ((10^scale − r_m) × 10^v.scale × 10^share.scale)
        let vatPayable = Rounding.halfUp.divide(value * one * Int128(vat.mantissa) * Int128(share.mantissa),
                                                by: remaining * tenTo(vat.scale) * tenTo(share.scale))
        return LineTax(dutiableValue: dutiableValue,
                       consumptionTax: Money(minorUnits: Int64(ctPayable), currency: .CNY),
                       vat: Money(minorUnits: Int64(vatPayable), currency: .CNY))
    }

    static func tenTo(_ n: Int) -> Int128 { Int128(powerOfTen(n)) }
}
