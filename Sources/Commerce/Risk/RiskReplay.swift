import Foundation
import Money

/// Orders run through a rule set in the order they happened, each decided before it is counted
/// in, as the order path does: what a rule set would have done. Ops' dry run and the traffic
/// report both use it.
public enum RiskReplay {
    /// The decision for each of `orders` (sorted by time), on a state that starts empty.
    public static func run(_ orders: [RiskObservation], rules: RiskRuleSet) -> [RiskDecision] {
        var state = RiskState()
        var decisions: [RiskDecision] = []
        decisions.reserveCapacity(orders.count)
        var limits: (day: Int64, year: Int, limits: RiskLimits)?
        for order in orders {
            let day = (order.at + 8 * RiskState.hour) / RiskState.day  // the Beijing day
            if limits?.day != day {
                let context = Self.context(at: order.at)
                limits = (day, context.year, context.limits)
            }
            guard let (_, year, current) = limits else { continue }
            decisions.append(rules.decide(state.signals(for: order, year: year, limits: current, thresholds: rules.thresholds)))
            state.observe(order, year: year)
        }
        return decisions
    }

    /// The allowance's year and the personal limits in force at `at` (milliseconds), in fen (the
    /// latest known when none covers the day), from one reading of the Beijing day.
    public static func context(at: Int64) -> (year: Int, limits: RiskLimits) {
        let day = Day(beijing: Date(timeIntervalSince1970: Double(at) / 1000))
        let limits = CustomsRules.limits(on: day) ?? CustomsRules.personalLimits.last?.value
        return (day.year, RiskLimits(annual: limits?.annual.minorUnits ?? 0, perTransaction: limits?.perTransaction.minorUnits ?? 0))
    }

    /// The Beijing year of `at` (milliseconds): the allowance's year.
    public static func year(of at: Int64) -> Int { Day(beijing: Date(timeIntervalSince1970: Double(at) / 1000)).year }
}
