import ArgumentParser
import Commerce
import Foundation

/// How the risk rules do on made-up traffic whose truth is known (`RiskTraffic`): recall per
/// ring kind, precision, the share of ordinary buyers wrongly held, and what a decision costs
/// (signals and rules for one order, then counting it in), beside a plain dictionary update
/// per order timed in the same run as its ceiling.
struct BenchRisk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "risk", abstract: "Risk rules on generated traffic: catches and cost.")

    @Option(help: "The seed of the traffic.")
    var seed: UInt64 = 2026

    @Option(help: "How many times the base mix (400 buyers, 40 families, 4 offices, 8 rings).")
    var scale = 4

    @Option(help: "A rule file to measure instead of the defaults.")
    var rules: String?

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run() async throws {
        let ruleSet = try rules.map { try RiskRuleSet(parsing: String(contentsOfFile: $0, encoding: .utf8)) } ?? DefaultRiskRules.rules
        let traffic = RiskTraffic(seed: seed, start: 1_793_462_400_000, scale: scale)  // 2026-11-01 00:00 Beijing
        let observations = traffic.orders.map(\.observation)
        let clock = ContinuousClock()
        var decisions: [RiskDecision] = []
        let deciding = clock.measure { decisions = RiskReplay.run(observations, rules: ruleSet) }
        // The ceiling: one dictionary update per order, the least an in-memory counter can cost.
        var counts: [String: Int64] = [:]
        let plain = clock.measure { for order in observations { counts[order.identity, default: 0] += order.value } }
        let report = RiskReport(traffic, decisions: decisions)
        var results: [String: Double] = [
            "orders": Double(observations.count), "precision_pct": report.precision * 100, "ordinary_held_pct": report.ordinaryHeldShare * 100,
            "decide_and_count_us_per_order": Self.microseconds(deciding) / Double(max(1, observations.count)),
            "plain_update_us_per_order": Self.microseconds(plain) / Double(max(1, observations.count)),
            "identities_counted": Double(counts.count),
        ]
        for row in report.rows {
            results["\(row.kind.rawValue).orders"] = Double(row.orders)
            results["\(row.kind.rawValue).caught_pct"] = row.recall * 100
            results["\(row.kind.rawValue).blocked"] = Double(row.blocked)
            results["\(row.kind.rawValue).identities_caught"] = Double(row.identitiesCaught)
            results["\(row.kind.rawValue).identities"] = Double(row.identities)
        }
        try BenchReport.print(results, json: json)
    }

    private static func microseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
    }
}
