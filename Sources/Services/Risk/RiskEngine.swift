import Commerce
import Foundation
import Storage
import Synchronization

/// The risk signals of the last 30 days, the rules in force, and ops' blocks, in memory, so
/// that a decision at quote and at payment costs microseconds and no read. Loaded from the
/// database on first use; every order this process places is counted in after its commit, and
/// `refresh` counts in what other processes placed (on PostgreSQL several share the orders).
/// An order seen twice is counted once.
public final class RiskEngine: Sendable {
    struct Loaded: Sendable {
        var state: RiskState
        var rules: RiskRuleSet
        var version: Int64
        /// `kind:key` of what ops blocked.
        var blocked: Set<String>
        /// Identities whose case ops cleared: reviews no longer hold them (blocks still refuse).
        var cleared: Set<String>
        /// Open cases by the identity that opened them.
        var openCases: [String: String]
        var watermark: Int64
    }

    private let loaded = Mutex<Loaded?>(nil)
    /// Orders committed while the first load was reading: counted in when it is in place.
    private let early = Mutex<[RiskObservation]>([])

    public init() {}

    /// The decision for `order` as if it were placed now: ops' blocks first, then the rules.
    func decide(_ order: RiskObservation, on store: any Store) async throws -> RiskDecision {
        try await ensureLoaded(from: store)
        let (year, limits) = RiskReplay.context(at: order.at)
        return loaded.withLock { current in
            guard let current else { return RiskDecision(action: .allow, matched: [], signals: RiskSignals()) }
            let blocks = [("identity", order.identity), ("device", order.device ?? ""), ("payer", order.payer), ("address", order.address)]
            if blocks.contains(where: { current.blocked.contains("\($0.0):\($0.1)") }) {
                return RiskDecision(action: .block, matched: ["ops-block"], signals: RiskSignals())
            }
            let decision = current.rules.decide(current.state.signals(for: order, year: year, limits: limits, thresholds: current.rules.thresholds))
            if decision.action == .review, current.cleared.contains(order.identity) {
                return RiskDecision(action: .allow, matched: decision.matched, signals: decision.signals)
            }
            return decision
        }
    }

    /// Whether ops blocked the identity (its fingerprint) or the device since the orders were placed.
    func isBlocked(identity: String, device: String?) -> Bool {
        loaded.withLock { current in
            guard let current else { return false }
            return current.blocked.contains("identity:\(identity)") || device.map { current.blocked.contains("device:\($0)") } ?? false
        }
    }

    /// Counts committed orders in.
    func observe(_ orders: [RiskObservation]) {
        loaded.withLock { current in
            guard current != nil else { return early.withLock { $0 += orders } }
            for order in orders { current?.state.observe(order, year: RiskReplay.year(of: order.at)) }
        }
    }

    /// The open case of the cluster `order` joins, if any.
    func openCase(for order: RiskObservation) -> String? {
        loaded.withLock { current in
            guard let current else { return nil }
            return current.state.identities(linkedTo: order).sorted().lazy.compactMap { current.openCases[$0] }.first
        }
    }

    func opened(_ caseID: String, by identity: String) {
        loaded.withLock { $0?.openCases[identity] = caseID }
    }

    /// The rules in force and their version.
    func rules(from store: any Store) async throws -> (rules: RiskRuleSet, version: Int64) {
        try await ensureLoaded(from: store)
        return try loaded.withLock { current in
            guard let current else { throw StoreError.conflict("the risk rules are not loaded") }
            return (current.rules, current.version)
        }
    }

    /// A copy of the state, for ops' pages (clusters, merchants).
    func state(from store: any Store) async throws -> RiskState {
        try await ensureLoaded(from: store)
        return loaded.withLock { $0?.state ?? RiskState() }
    }

    /// Reads everything again: after ops changed rules, blocks or cases, and on a schedule for
    /// the orders other processes placed.
    public func refresh(from store: any Store) async throws {
        let since = loaded.withLock { $0?.watermark }
        guard let since else { return try await ensureLoaded(from: store) }
        // With SQLite this process is the only writer and counts its own orders in as they
        // commit; with PostgreSQL others place orders too. An order is stamped when it is decided
        // and committed within a group commit's wait, so ten seconds' overlap covers the late ones.
        let orders = store.kind == .sqlite ? [] : try await RiskRecords.observations(since: since - 10_000, in: store)
        let settings = try await RiskRecords.settings(in: store)
        loaded.withLock { current in
            guard var next = current else { return }
            for order in orders { next.state.observe(order, year: RiskReplay.year(of: order.at)) }
            next.watermark = max(next.watermark, orders.last?.at ?? next.watermark)
            if let rules = settings.rules { (next.rules, next.version) = rules }
            next.blocked = settings.blocked
            next.openCases = settings.openCases
            next.cleared = Set(settings.clearedIdentities.flatMap { next.state.cluster(of: $0)[.identity] ?? [$0] })
            current = next
        }
    }

    private func ensureLoaded(from store: any Store) async throws {
        guard loaded.withLock({ $0 == nil }) else { return }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let orders = try await RiskRecords.observations(since: now - RiskState.horizon, in: store)
        let settings = try await RiskRecords.settings(in: store)
        var state = RiskState()
        for order in orders { state.observe(order, year: RiskReplay.year(of: order.at)) }
        let (rules, version) = try settings.rules ?? (DefaultRiskRules.rules, 0)
        let cleared = Set(settings.clearedIdentities.flatMap { state.cluster(of: $0)[.identity] ?? [$0] })
        let built = Loaded(state: state, rules: rules, version: version, blocked: settings.blocked, cleared: cleared,
                           openCases: settings.openCases, watermark: orders.last?.at ?? now)
        loaded.withLock { current in
            guard current == nil else { return }
            var complete = built
            for order in early.withLock({ waiting in defer { waiting = [] }; return waiting }) {
                complete.state.observe(order, year: RiskReplay.year(of: order.at))
            }
            current = complete
        }
    }
}
