/// How a quotient that falls between two minor units is rounded. Conversions round half-even
/// (banker's rounding, so repeated conversions do not drift one way); customs computes tax
/// half-up (四舍五入), as its rules say.
public enum Rounding: String, Sendable, CaseIterable {
    case halfEven
    case halfUp

    /// `numerator / denominator` rounded to an integer; `denominator` must be positive.
    public func divide(_ numerator: Int128, by denominator: Int128) -> Int128 {
        var quotient = numerator / denominator
        let remainder = numerator - quotient * denominator
        let twice = remainder.magnitude * 2
        let direction: Int128 = numerator < 0 ? -1 : 1
        if twice > denominator.magnitude {
            quotient += direction
        } else if twice == denominator.magnitude {
            switch self {
            case .halfUp: quotient += direction
            case .halfEven: if quotient % 2 != 0 { quotient += direction }
            }
        }
        return quotient
    }
}
