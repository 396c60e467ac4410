import Commerce
import Foundation
import Storage

/// Ops' rule sets: each save is a new version (the old ones stay, with who wrote them and
/// why), refused with the line at fault when it does not parse; and the dry run, which replays
/// the last days' orders through a draft beside the rules in force.
public struct RiskRuleService: Sendable {
    let store: any Store
    let engine: RiskEngine

    public init(store: any Store, engine: RiskEngine) {
        self.store = store
        self.engine = engine
    }

    public struct Version: Sendable, Equatable {
        public let version: Int64
        public let author: String
        public let note: String
        public let createdAt: Date
    }

    /// The rules in force, their version (0: the defaults, never saved), and the saved versions, newest first.
    public func current() async throws -> (rules: RiskRuleSet, version: Int64, history: [Version]) {
        let (rules, version) = try await engine.rules(from: store)
        let history = try await store.read(SQL("SELECT version, author, note, created_at FROM risk_rule_sets ORDER BY version DESC LIMIT 50")).map {
            Version(version: try $0.integer("version"), author: try $0.text("author"), note: try $0.text("note"),
                    createdAt: Date(millisecondsSince1970: try $0.integer("created_at")))
        }
        return (rules, version, history)
    }

    /// Saves `text` as the next version and puts it in force; returns its number.
    @discardableResult
    public func save(_ text: String, author: String, note: String, at now: Date) async throws -> Int64 {
        _ = try RiskRuleSet(parsing: text)
        let version = try await store.transact { reader in
            let next = (try await reader.read(SQL("SELECT COALESCE(MAX(version), 0) AS v FROM risk_rule_sets")).first?.integer("v") ?? 0) + 1
            return ([.guarded(SQL("INSERT INTO risk_rule_sets (version, body, author, note, created_at) VALUES (?, ?, ?, ?, ?) RETURNING version",
                                  bind: next, text, author, String(note.prefix(500)), now.millisecondsSince1970),
                              conflict: "another version was saved meanwhile")], next)
        }
        try await engine.refresh(from: store)
        return version
    }

    /// What a draft would have done to the last `days` days' orders, beside the rules in force.
    public struct DryRun: Sendable {
        public struct Change: Sendable {
            public let orderID: String
            public let at: Date
            public let now: RiskRuleSet.Action
            public let draft: RiskRuleSet.Action
            public let reason: String
        }

        public let orders: Int
        public let days: Int
        public let inForce: [RiskRuleSet.Action: Int]
        public let draft: [RiskRuleSet.Action: Int]
        /// How many orders each of the draft's rules matched.
        public let matches: [(rule: String, orders: Int)]
        /// Orders the draft decides differently, newest first (at most 100).
        public let changes: [Change]
    }

    public func dryRun(_ text: String, days: Int, at now: Date) async throws -> DryRun {
        let draft = try RiskRuleSet(parsing: text)
        let days = min(max(days, 1), 30)
        let orders = try await RiskRecords.observations(since: now.millisecondsSince1970 - Int64(days) * 86_400_000, in: store)
        let (inForce, _) = try await engine.rules(from: store)
        let before = RiskReplay.run(orders, rules: inForce)
        let after = RiskReplay.run(orders, rules: draft)
        func tally(_ decisions: [RiskDecision]) -> [RiskRuleSet.Action: Int] {
            Dictionary(grouping: decisions, by: \.action).mapValues(\.count)
        }
        let changed = zip(orders, zip(before, after)).filter { $0.1.0.action != $0.1.1.action }.suffix(100).reversed().map { order, pair in
            DryRun.Change(orderID: order.orderID, at: Date(millisecondsSince1970: order.at), now: pair.0.action, draft: pair.1.action,
                          reason: pair.1.reason(in: draft))
        }
        let matches = draft.rules.map { rule in (rule.name, after.filter { $0.matched.contains(rule.name) }.count) }
        return DryRun(orders: orders.count, days: days, inForce: tally(before), draft: tally(after), matches: matches, changes: Array(changed))
    }
}
