import Foundation

/// The signals kept as orders happen: every identity and every attribute it used (address,
/// phone, device, payer) is a node; an order joins its identity to its attributes, so identities
/// that share any attribute fall into one cluster (union-find, merged by size, incremental).
/// Each node and cluster keeps its orders' times and values for the last 30 days, so velocity is
/// counted over expiring windows. Pure: time comes with the observations.
public struct RiskState: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case identity = "i", address = "a", phone = "t", device = "d", payer = "p"
    }

    struct Node: Sendable {
        let kind: Kind
        let key: String
        var times: [Int64] = []
        var values: [Int64] = []
        /// For an attribute: the identities that used it.
        var identities: Set<Int32> = []
        /// For an identity: its allowance used in `year`, in fen, as of its latest order.
        var used: Int64 = 0
        var year = 0
    }

    struct Cluster: Sendable {
        var members: [Int32]
        var identities: [Int32]
        var times: [Int64] = []
        var values: [Int64] = []
        var skuUnits: [String: Int64] = [:]
        var merchantValue: [String: Int64] = [:]
    }

    /// How long activity is kept: the longest window a signal counts.
    public static let horizon: Int64 = 30 * 86_400_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000

    /// A node's name: its kind and key, hashed together without building a string for each lookup.
    struct Name: Hashable, Sendable {
        let kind: Kind
        let key: String
    }

    private var index: [Name: Int32] = [:]
    private var parent: [Int32] = []
    private var nodes: [Node] = []
    private var clusters: [Int32: Cluster] = [:]
    private var seen: Set<String> = []
    private var skus: [String: SKUWindow] = [:]

    /// Who bought a SKU in the last day, and how many units: the same SKU bought in quantity
    /// across many identities. Kept as a queue that drops what is older than a day as orders come.
    struct SKUWindow: Sendable {
        var entries: [(at: Int64, identity: String, units: Int64)] = []
        var start = 0
        var identities: [String: Int] = [:]
        var units: Int64 = 0

        mutating func add(at: Int64, identity: String, units count: Int64) {
            entries.append((at, identity, count))
            identities[identity, default: 0] += 1
            units += count
            while start < entries.count, entries[start].at <= at - RiskState.day {
                let old = entries[start]
                units -= old.units
                if identities[old.identity] == 1 { identities[old.identity] = nil } else { identities[old.identity]? -= 1 }
                start += 1
            }
            if start > 1_024, start * 2 > entries.count {  // compact now and then, so the queue's memory follows the window
                entries.removeFirst(start)
                start = 0
            }
        }
    }

    public init() {}

    public var observed: Int { seen.count }

    public func hasSeen(_ orderID: String) -> Bool { seen.contains(orderID) }

    // MARK: keeping

    /// Counts a placed order in; an order seen before is ignored, so replays and the rounds that
    /// read other processes' orders can overlap.
    public mutating func observe(_ order: RiskObservation, year: Int) {
        guard seen.insert(order.orderID).inserted else { return }
        let identity = node(.identity, order.identity)
        if nodes[Int(identity)].year != year || order.allowanceUsed > nodes[Int(identity)].used {
            nodes[Int(identity)].used = order.allowanceUsed
            nodes[Int(identity)].year = year
        }
        record(identity, at: order.at, value: order.value)
        for (kind, key) in order.attributes {
            let attribute = node(kind, key)
            nodes[Int(attribute)].identities.insert(identity)
            record(attribute, at: order.at, value: order.value)
            union(identity, attribute)
        }
        let root = find(identity)
        clusters[root, default: Cluster(members: [root], identities: [])].insert(at: order.at, value: order.value)
        for line in order.lines {
            clusters[root]?.skuUnits[line.skuID, default: 0] += line.quantity
            skus[line.skuID, default: SKUWindow()].add(at: order.at, identity: order.identity, units: line.quantity)
        }
        clusters[root]?.merchantValue[order.merchantID, default: 0] += order.value
    }

    private mutating func node(_ kind: Kind, _ key: String) -> Int32 {
        let name = Name(kind: kind, key: key)
        if let known = index[name] { return known }
        let id = Int32(nodes.count)
        index[name] = id
        nodes.append(Node(kind: kind, key: key))
        parent.append(id)
        clusters[id] = Cluster(members: [id], identities: kind == .identity ? [id] : [])
        return id
    }

    private mutating func record(_ id: Int32, at: Int64, value: Int64) {
        var node = nodes[Int(id)]
        nodes[Int(id)].times = []  // so that the copy is the only owner of its arrays while they grow
        nodes[Int(id)].values = []
        Self.insert(at: at, value: value, times: &node.times, values: &node.values)
        nodes[Int(id)] = node
    }

    fileprivate static func insert(at: Int64, value: Int64, times: inout [Int64], values: inout [Int64]) {
        let position = times.last.map { $0 <= at } ?? true ? times.count : lowerBound(times, at)
        times.insert(at, at: position)
        values.insert(value, at: position)
        let expired = lowerBound(times, at - horizon)
        if expired > 0 {
            times.removeFirst(expired)
            values.removeFirst(expired)
        }
    }

    private mutating func find(_ id: Int32) -> Int32 {
        var root = id
        while parent[Int(root)] != root { root = parent[Int(root)] }
        var walk = id
        while parent[Int(walk)] != root {
            let next = parent[Int(walk)]
            parent[Int(walk)] = root
            walk = next
        }
        return root
    }

    private func root(of id: Int32) -> Int32 {
        var root = id
        while parent[Int(root)] != root { root = parent[Int(root)] }
        return root
    }

    private mutating func union(_ a: Int32, _ b: Int32) {
        let (ra, rb) = (find(a), find(b))
        guard ra != rb, let first = clusters[ra], let second = clusters[rb] else { return }
        // The smaller cluster goes into the larger, so a node changes root O(log n) times.
        let (keep, gone) = first.members.count >= second.members.count ? (ra, rb) : (rb, ra)
        var merged = clusters[keep] ?? first
        let other = clusters[gone] ?? second
        clusters[gone] = nil
        parent[Int(gone)] = keep
        merged.members += other.members
        merged.identities += other.identities
        for (at, value) in zip(other.times, other.values) {
            RiskState.insert(at: at, value: value, times: &merged.times, values: &merged.values)
        }
        for (sku, units) in other.skuUnits { merged.skuUnits[sku, default: 0] += units }
        for (merchant, value) in other.merchantValue { merged.merchantValue[merchant, default: 0] += value }
        clusters[keep] = merged
    }

    // MARK: reading

    /// The figures for `order` as if it were placed now (nothing is kept).
    public func signals(for order: RiskObservation, year: Int, limits: RiskLimits, thresholds: RiskThresholds) -> RiskSignals {
        var signals = RiskSignals()
        let now = order.at
        let nearLimit = limits.perTransaction * thresholds.nearLimitPercent / 100
        let identity = index[Name(kind: .identity, key: order.identity)]
        let mine = identity.map { nodes[Int($0)] }
        velocity(of: mine, for: order, into: &signals, as: Self.velocitySignals[.identity])
        signals[.identityAllowancePercent] = Self.percent(order.allowanceUsed, of: limits.annual)
        signals[.identityNearLimitOrders] = Int64((mine?.values ?? []).filter { $0 >= nearLimit }.count) + (order.value >= nearLimit ? 1 : 0)
        signals[.orderLimitPercent] = Self.percent(order.value, of: limits.perTransaction)

        var roots: Set<Int32> = identity.map { [root(of: $0)] } ?? []
        for (kind, key) in order.attributes {
            let attribute = index[Name(kind: kind, key: key)]
            let known = attribute.map { nodes[Int($0)] }
            if let users = Self.identitySignals[kind] {
                signals[users] = Int64((known?.identities.count ?? 0) + (identity.map { known?.identities.contains($0) == true } ?? false ? 0 : 1))
            }
            velocity(of: known, for: order, into: &signals, as: Self.velocitySignals[kind])
            if let attribute { roots.insert(root(of: attribute)) }
        }
        for line in order.lines {
            let window = skus[line.skuID]
            let others = window.map { $0.identities.count - ($0.identities[order.identity] == nil ? 0 : 1) } ?? 0
            signals[.skuIdentitiesDay] = max(signals[.skuIdentitiesDay], Int64(others) + 1)
            signals[.skuUnitsDay] = max(signals[.skuUnitsDay], (window?.units ?? 0) + line.quantity)
        }

        var identities = identity == nil ? 1 : 0
        var atLimit = order.allowanceUsed * 100 >= limits.annual * thresholds.atLimitPercent ? 1 : 0
        var allowanceUsed = order.allowanceUsed
        var ordersDay = 1
        var orders = 1
        var nearLimitOrders = order.value >= nearLimit ? 1 : 0
        var units: [String: Int64] = [:]
        var merchants: [String: Int64] = [order.merchantID: order.value]
        for line in order.lines { units[line.skuID, default: 0] += line.quantity }
        for root in roots {
            guard let cluster = clusters[root] else { continue }
            identities += cluster.identities.count
            for member in cluster.identities where member != identity {
                let other = nodes[Int(member)]
                guard other.year == year else { continue }
                allowanceUsed += other.used
                if other.used * 100 >= limits.annual * thresholds.atLimitPercent { atLimit += 1 }
            }
            ordersDay += Self.count(cluster.times, since: now - Self.day)
            orders += cluster.times.count
            nearLimitOrders += cluster.values.filter { $0 >= nearLimit }.count
            for (sku, count) in cluster.skuUnits { units[sku, default: 0] += count }
            for (merchant, value) in cluster.merchantValue { merchants[merchant, default: 0] += value }
        }
        signals[.clusterIdentities] = Int64(identities)
        signals[.clusterAtLimitPercent] = Self.percent(Int64(atLimit), of: Int64(identities))
        signals[.clusterAllowancePercent] = Self.percent(allowanceUsed / Int64(max(1, identities)), of: limits.annual)
        signals[.clusterNearLimitPercent] = Self.percent(Int64(nearLimitOrders), of: Int64(orders))
        signals[.clusterOrdersDay] = Int64(ordersDay)
        let top = units.values.max() ?? 0
        signals[.clusterTopSKUUnits] = top
        signals[.clusterTopSKUPercent] = Self.percent(top, of: units.values.reduce(0, +))
        signals[.clusterTopMerchantPercent] = Self.percent(merchants.values.max() ?? 0, of: merchants.values.reduce(0, +))
        return signals
    }

    /// Which signals count a kind of node's identities, and its orders and yuan per hour and day.
    static let identitySignals: [Kind: RiskSignal] = [.address: .addressIdentities, .phone: .phoneIdentities, .device: .deviceIdentities,
                                                      .payer: .payerIdentities]
    static let velocitySignals: [Kind: (ordersHour: RiskSignal, ordersDay: RiskSignal, yuanHour: RiskSignal, yuanDay: RiskSignal)] = [
        .identity: (.identityOrdersHour, .identityOrdersDay, .identityYuanHour, .identityYuanDay),
        .address: (.addressOrdersHour, .addressOrdersDay, .addressYuanHour, .addressYuanDay),
        .device: (.deviceOrdersHour, .deviceOrdersDay, .deviceYuanHour, .deviceYuanDay),
        .payer: (.payerOrdersHour, .payerOrdersDay, .payerYuanHour, .payerYuanDay),
    ]

    /// A node's orders and yuan in the last hour and day, this order included.
    private func velocity(of node: Node?, for order: RiskObservation, into signals: inout RiskSignals,
                          as names: (ordersHour: RiskSignal, ordersDay: RiskSignal, yuanHour: RiskSignal, yuanDay: RiskSignal)?) {
        guard let names else { return }
        signals[names.ordersHour] = Int64(Self.count(node?.times ?? [], since: order.at - Self.hour)) + 1
        signals[names.ordersDay] = Int64(Self.count(node?.times ?? [], since: order.at - Self.day)) + 1
        signals[names.yuanHour] = (Self.sum(node, since: order.at - Self.hour) + order.value) / 100
        signals[names.yuanDay] = (Self.sum(node, since: order.at - Self.day) + order.value) / 100
    }

    /// The identities of every cluster `order` would join: its identity's and its attributes'.
    public func identities(linkedTo order: RiskObservation) -> Set<String> {
        let names = [Name(kind: .identity, key: order.identity)] + order.attributes.map { Name(kind: $0.0, key: $0.1) }
        let roots = Set(names.compactMap { index[$0] }.map { root(of: $0) })
        return Set(roots.flatMap { clusters[$0]?.identities ?? [] }.map { nodes[Int($0)].key }).union([order.identity])
    }

    /// The members of the cluster `identity` belongs to, by kind, as their keys.
    public func cluster(of identity: String) -> [Kind: [String]] {
        guard let id = index[Name(kind: .identity, key: identity)], let cluster = clusters[root(of: id)] else { return [:] }
        return Dictionary(grouping: cluster.members.map { nodes[Int($0)] }, by: \.kind).mapValues { $0.map(\.key).sorted() }
    }

    /// Each merchant's share of its value (30 days) that came from its three largest clusters of
    /// more than one identity, in percent: a merchant selling mostly to a few rings stands out.
    public func merchantConcentration() -> [String: Int64] {
        var totals: [String: Int64] = [:]
        var fromClusters: [String: [Int64]] = [:]
        for cluster in clusters.values {
            for (merchant, value) in cluster.merchantValue {
                totals[merchant, default: 0] += value
                if cluster.identities.count > 1 { fromClusters[merchant, default: []].append(value) }
            }
        }
        return totals.mapValues { _ in 0 }.merging(fromClusters.map { merchant, values in
            (merchant, Self.percent(values.sorted(by: >).prefix(3).reduce(0, +), of: totals[merchant] ?? 0))
        }, uniquingKeysWith: { $1 })
    }

    // MARK: arithmetic

    static func lowerBound(_ times: [Int64], _ value: Int64) -> Int {
        var (low, high) = (0, times.count)
        while low < high {
            let middle = (low + high) / 2
            if times[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func count(_ times: [Int64], since start: Int64) -> Int { times.count - lowerBound(times, start + 1) }

    private static func sum(_ node: Node?, since start: Int64) -> Int64 {
        guard let node else { return 0 }
        return node.values[lowerBound(node.times, start + 1)...].reduce(0, +)
    }

    /// `part` as a whole percentage of `whole`, rounded down; 0 of nothing.
    static func percent(_ part: Int64, of whole: Int64) -> Int64 {
        guard whole > 0 else { return 0 }
        let (scaled, overflow) = part.multipliedReportingOverflow(by: 100)
        return overflow ? part / (whole / 100 == 0 ? 1 : whole / 100) : scaled / whole
    }
}

extension RiskState.Cluster {
    mutating func insert(at: Int64, value: Int64) {
        RiskState.insert(at: at, value: value, times: &times, values: &values)
    }
}

extension RiskObservation {
    /// The attributes that link identities: the address, the phone, the device when sent, the payer.
    var attributes: [(RiskState.Kind, String)] {
        var result: [(RiskState.Kind, String)] = [(.address, address), (.phone, phone), (.payer, payer)]
        if let device { result.append((.device, device)) }
        return result
    }
}

/// What counts as "at the limit" and "just under the limit", from the rule set.
public struct RiskThresholds: Sendable, Equatable {
    /// An identity is at its limit once it has used this share of its annual limit.
    public let atLimitPercent: Int64
    /// An order is just under the per-transaction limit from this share of it.
    public let nearLimitPercent: Int64

    public init(atLimitPercent: Int64, nearLimitPercent: Int64) {
        self.atLimitPercent = atLimitPercent
        self.nearLimitPercent = nearLimitPercent
    }
}
