import Foundation
import Money

/// The annual personal limit for cross-border retail imports, per identity number and
/// calendar year (customs.json, personal_limits): what a buyer has used, and whether more fits.
public struct ImportAllowance: Sendable, Equatable {
    public let year: Int
    public let limit: Money
    public let used: Money

    public var left: Money { Self.left(of: limit, used: used) }

    /// What is left of `limit` after `used`, never below zero (checked: an overflow means more
    /// than any amount is left, or nothing).
    public static func left(of limit: Money, used: Money) -> Money {
        let (rest, overflow) = limit.minorUnits.subtractingReportingOverflow(used.minorUnits)
        return Money(minorUnits: overflow ? (used.minorUnits < 0 ? .max : 0) : max(0, rest), currency: .CNY)
    }

    public init(year: Int, limit: Money, used: Money) {
        self.year = year
        self.limit = limit
        self.used = used
    }

    /// The allowance in force on `day` for a buyer who has used `used` this year.
    public static func on(_ day: Day, used: Money) throws(CheckoutError) -> ImportAllowance {
        guard let limits = CustomsRules.limits(on: day) else { throw .landedCost(.tax(.noRulesOn(day))) }
        return ImportAllowance(year: day.year, limit: limits.annual, used: used)
    }

    /// Refuses `asked` when it would take the buyer past the annual limit, naming what is left.
    public func check(_ asked: Money) throws(CheckoutError) {
        let (total, overflow) = used.minorUnits.addingReportingOverflow(asked.minorUnits)
        guard !overflow, total <= limit.minorUnits else {
            throw .annualLimit(limit: limit, used: used, asked: asked)
        }
    }
}
