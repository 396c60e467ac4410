import Foundation

/// The risk rules as ops write them, one statement a line (`#` starts a comment):
///
///     set at_limit_percent 80                         # an identity is "at its limit" from 80 % used
///     set near_limit_percent 90                       # an order is "just under the limit" from 90 % of it
///     score cluster.identities 25 full 8              # up to 25 points, all of them from 8 identities
///     rule warehouse: review when address.identities >= 4 and cluster.score >= 60
///
/// A rule's action is allow, review (the order is held before declaration) or block (refused);
/// its conditions compare a signal (`RiskSignal`) with a whole number and must all hold. The
/// score lines' weights add up to 100 and may not use the score itself. The strictest matching
/// rule decides; `allow` rules are there to be seen in a dry run.
public struct RiskRuleSet: Sendable, Equatable {
    public enum Action: String, Sendable, Comparable, CaseIterable {
        case allow, review, block

        public static func < (a: Action, b: Action) -> Bool { a.rank < b.rank }
        private var rank: Int { self == .allow ? 0 : self == .review ? 1 : 2 }
    }

    public struct Condition: Sendable, Equatable {
        public enum Comparison: String, Sendable, CaseIterable { case atLeast = ">=", above = ">", atMost = "<=", below = "<", equal = "=" }
        public let signal: RiskSignal
        public let comparison: Comparison
        public let value: Int64

        func holds(_ signals: RiskSignals) -> Bool {
            let figure = signals[signal]
            switch comparison {
            case .atLeast: return figure >= value
            case .above: return figure > value
            case .atMost: return figure <= value
            case .below: return figure < value
            case .equal: return figure == value
            }
        }
    }

    public struct Rule: Sendable, Equatable {
        public let name: String
        public let action: Action
        public let conditions: [Condition]

        public var text: String {
            "\(name): \(action.rawValue) when " + conditions.map { "\($0.signal.name) \($0.comparison.rawValue) \($0.value)" }.joined(separator: " and ")
        }
    }

    public struct Weight: Sendable, Equatable {
        public let signal: RiskSignal
        public let points: Int64
        /// The figure at which the signal gives all its points; below it, a share.
        public let full: Int64
    }

    public let thresholds: RiskThresholds
    public let weights: [Weight]
    public let rules: [Rule]
    /// The text it was read from, as ops wrote it.
    public let text: String

    /// A line at fault and what is wrong with it.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        /// What is wrong, in both languages: ops read the console in either.
        public let message: LocalizedText
        public var description: String { "line \(line): \(message.en)" }

        init(line: Int, _ en: String, _ zh: String) {
            self.line = line
            message = LocalizedText(en: en, zh: zh)
        }
    }

    public init(parsing text: String) throws(Problem) {
        var settings: [String: Int64] = [:]
        var weights: [Weight] = []
        var rules: [Rule] = []
        // A browser's form sends CRLF, which Swift reads as one Character: split on any line break.
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = offset + 1
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let first = words.first else { continue }
            switch first {
            case "set":
                guard words.count == 3, ["at_limit_percent", "near_limit_percent"].contains(words[1]) else {
                    throw Problem(line: number, "write “set at_limit_percent N” or “set near_limit_percent N”", "请写成“set at_limit_percent N”或“set near_limit_percent N”")
                }
                settings[words[1]] = try Self.percent(words[2], line: number)
            case "score":
                guard words.count == 5, words[3] == "full" else { throw Problem(line: number, "write “score SIGNAL POINTS full VALUE”", "请写成“score 信号 分值 full 满分值”") }
                let signal = try Self.signal(words[1], line: number)
                guard signal != .clusterScore else { throw Problem(line: number, "the score cannot count itself", "评分不能计入评分本身") }
                let points = try Self.number(words[2], line: number)
                let full = try Self.number(words[4], line: number)
                guard full > 0 else { throw Problem(line: number, "“full” must be above 0", "“full”必须大于0") }
                guard !weights.contains(where: { $0.signal == signal }) else { throw Problem(line: number, "\(signal.name) is scored twice", "\(signal.name) 重复计分") }
                weights.append(Weight(signal: signal, points: points, full: full))
            case "rule":
                rules.append(try Self.rule(words.dropFirst(), line: number, named: Set(rules.map(\.name))))
            default:
                throw Problem(line: number, "a line starts with set, score or rule, not “\(first)”", "每行应以 set、score 或 rule 开头，而不是“\(first)”")
            }
        }
        let points = weights.reduce(0) { $0 + $1.points }
        guard weights.isEmpty || points == 100 else {
            throw Problem(line: 0, "the score's points add up to \(points), not 100", "评分的分值合计为 \(points)，应为 100")
        }
        guard !rules.isEmpty else { throw Problem(line: 0, "there is no rule", "没有任何规则") }
        thresholds = RiskThresholds(atLimitPercent: settings["at_limit_percent"] ?? 80, nearLimitPercent: settings["near_limit_percent"] ?? 90)
        self.weights = weights
        self.rules = rules
        self.text = text
    }

    private static func rule(_ words: ArraySlice<String>, line: Int, named: Set<String>) throws(Problem) -> Rule {
        let usage = ("write “rule NAME: ACTION when SIGNAL >= N [and SIGNAL < N …]”", "请写成“rule 名称: 动作 when 信号 >= N [and 信号 < N …]”")
        guard let head = words.first, head.hasSuffix(":"), head.count > 1 else { throw Problem(line: line, usage.0, usage.1) }
        let name = String(head.dropLast())
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw Problem(line: line, "a rule's name is letters, digits, - and _", "规则名只能包含字母、数字、- 和 _")
        }
        guard !named.contains(name) else { throw Problem(line: line, "another rule is named \(name)", "已有规则名为 \(name)") }
        let rest = Array(words.dropFirst())
        guard rest.count >= 5, rest[1] == "when" else { throw Problem(line: line, usage.0, usage.1) }
        guard let action = Action(rawValue: rest[0]) else { throw Problem(line: line, "the action is allow, review or block, not “\(rest[0])”", "动作应为 allow、review 或 block，而不是“\(rest[0])”") }
        var conditions: [Condition] = []
        var position = 2
        while position < rest.count {
            guard position + 2 < rest.count else { throw Problem(line: line, usage.0, usage.1) }
            let signal = try signal(rest[position], line: line)
            guard let comparison = Condition.Comparison(rawValue: rest[position + 1]) else {
                throw Problem(line: line, "compare with >=, >, <=, < or =, not “\(rest[position + 1])”", "比较符应为 >=、>、<=、< 或 =，而不是“\(rest[position + 1])”")
            }
            conditions.append(Condition(signal: signal, comparison: comparison, value: try number(rest[position + 2], line: line)))
            position += 3
            if position < rest.count {
                guard rest[position] == "and" else { throw Problem(line: line, "conditions are joined by “and”, not “\(rest[position])”", "条件之间用“and”连接，而不是“\(rest[position])”") }
                position += 1
                guard position < rest.count else { throw Problem(line: line, "a condition must follow “and”", "“and”之后必须有条件") }
            }
        }
        return Rule(name: name, action: action, conditions: conditions)
    }

    private static func signal(_ word: String, line: Int) throws(Problem) -> RiskSignal {
        guard let signal = RiskSignal(rawValue: word) else { throw Problem(line: line, "no signal is named “\(word)”", "没有名为“\(word)”的信号") }
        return signal
    }

    private static func number(_ word: String, line: Int) throws(Problem) -> Int64 {
        guard word.allSatisfy(\.isASCII), let value = Int64(word), value >= 0 else {
            throw Problem(line: line, "“\(word)” is not a whole number of 0 or more", "“\(word)”不是大于等于0的整数")
        }
        return value
    }

    private static func percent(_ word: String, line: Int) throws(Problem) -> Int64 {
        let value = try number(word, line: line)
        guard (1...100).contains(value) else { throw Problem(line: line, "a percentage is from 1 to 100", "百分比应在 1 到 100 之间") }
        return value
    }

    // MARK: deciding

    /// The score of `signals` by the weights: each signal's points in proportion to its figure
    /// up to `full`, added and rounded down.
    public func score(_ signals: RiskSignals) -> Int64 {
        weights.reduce(0) { total, weight in total + weight.points * min(signals[weight.signal], weight.full) * 1000 / weight.full } / 1000
    }

    /// The strictest rule that matches `signals` (with the score added), and every rule that matched.
    public func decide(_ given: RiskSignals) -> RiskDecision {
        var signals = given
        signals[.clusterScore] = score(signals)
        let matched = rules.filter { rule in rule.conditions.allSatisfy { $0.holds(signals) } }
        return RiskDecision(action: matched.map(\.action).max() ?? .allow, matched: matched.map(\.name), signals: signals)
    }
}

/// What the rules made of one order.
public struct RiskDecision: Sendable, Equatable {
    public let action: RiskRuleSet.Action
    /// The names of the rules that matched, for ops (the buyer is never told them).
    public let matched: [String]
    public let signals: RiskSignals

    public init(action: RiskRuleSet.Action, matched: [String], signals: RiskSignals) {
        self.action = action
        self.matched = matched
        self.signals = signals
    }

    /// The reason ops read: the rules and the figures they looked at.
    public func reason(in rules: RiskRuleSet) -> String {
        let used = Set(rules.rules.filter { matched.contains($0.name) }.flatMap { $0.conditions.map(\.signal) })
        let figures = RiskSignal.allCases.filter { used.contains($0) }.map { "\($0.name) = \(signals[$0])" }
        return matched.joined(separator: ", ") + (figures.isEmpty ? "" : " (" + figures.joined(separator: ", ") + ")")
    }
}
