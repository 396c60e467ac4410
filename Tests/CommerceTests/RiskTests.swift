import Commerce
import Foundation
import Testing

/// The risk core: one delivery point however it is written, clusters built from what identities
/// share, the rule language with the line at fault, and the shipped rules on traffic whose truth
/// is known.
@Suite("Risk signals and rules")
struct RiskTests {
    static let start: Int64 = 1_793_462_400_000  // 2026-11-01 00:00 Beijing

    func key(_ street: String, _ phone: String, city: String = "上海市") -> String {
        RiskAddress.key(province: "上海市", city: city, district: "浦东新区", street: street, phone: phone)
    }

    @Test("one building and one phone is one address, however written; another phone or building is another")
    func addressNormalisation() {
        let written = [key("张江路88号3栋1201室", "13912345678"), key("张江路８８号 三号楼 502", "+86 139 1234 5678"),
                       key("张江路 88 号 3 幢 9 楼", "0086 13912345678", city: "上海"), key("张江路88号3号楼", "139-1234-5678")]
        #expect(Set(written).count == 1, "\(written)")
        #expect(key("张江路88号3栋", "13912345679") != written[0], "another recipient phone is another address")
        #expect(key("张江路88号4栋", "13912345678") != written[0], "another building is another address")
        #expect(RiskAddress.building("Zhangjiang Road No.88 Building 3 Room 1201") == RiskAddress.building("zhangjiang road no 88 bldg 3"))
        #expect(RiskAddress.building("世纪大道一百零八号") == "世纪大道108号")
        #expect(RiskAddress.phone("+86 139 1234 5678") == "13912345678")
    }

    func order(_ n: Int, identity: String, address: String, device: String? = nil, payer: String? = nil, sku: String = "sku-1",
               value: Int64 = 300_00, used: Int64 = 300_00, hours: Int64 = 0) -> RiskObservation {
        RiskObservation(orderID: "o-\(n)", at: Self.start + hours * 3_600_000, identity: identity, address: address, phone: address,
                        device: device, payer: payer ?? "pay-" + identity, merchantID: "m-1", lines: [.init(skuID: sku, quantity: 1)],
                        value: value, allowanceUsed: used)
    }

    static let limits = RiskLimits(annual: 26_000_00, perTransaction: 5_000_00)
    static let thresholds = RiskThresholds(atLimitPercent: 80, nearLimitPercent: 90)

    @Test("identities sharing an address, a device or a payer are one cluster; strangers are not")
    func linking() {
        var state = RiskState()
        for n in 1...5 { state.observe(order(n, identity: "ring-\(n)", address: "warehouse", device: "dev-\(n % 2)"), year: 2026) }
        state.observe(order(6, identity: "stranger", address: "home"), year: 2026)
        state.observe(order(7, identity: "paid-for", address: "elsewhere", payer: "pay-ring-1"), year: 2026)
        let next = order(8, identity: "ring-6", address: "warehouse")
        let signals = state.signals(for: next, year: 2026, limits: Self.limits, thresholds: Self.thresholds)
        #expect(signals[.addressIdentities] == 6)
        #expect(signals[.clusterIdentities] == 7, "the five, the one their payer paid for, and this one")
        let alone = state.signals(for: order(9, identity: "stranger", address: "home"), year: 2026, limits: Self.limits, thresholds: Self.thresholds)
        #expect(alone[.clusterIdentities] == 1)
        #expect(alone[.identityOrdersDay] == 2)
        #expect(state.cluster(of: "ring-1")[.identity]?.count == 6)
        state.observe(order(6, identity: "stranger", address: "home"), year: 2026)
        #expect(state.observed == 7, "an order seen twice is counted once")
    }

    @Test("a family at one home and an office's reception are not flagged by the shipped rules; a ring of the same size at one warehouse is")
    func familiesOfficesAndRings() throws {
        let rules = try DefaultRiskRules.rules
        func run(_ orders: [RiskObservation]) -> [RiskDecision] { RiskReplay.run(orders.sorted { $0.at < $1.at }, rules: rules) }
        var serial = 0
        func next() -> Int { serial += 1; return serial }
        // Three people at one home with one tablet, each buying what they need.
        var family: [RiskObservation] = []
        for person in 1...3 {
            for n in 0..<4 {
                let used = Int64(n + 1) * 400_00
                let hours = Int64(person * 30 + n * 50)
                family.append(order(next(), identity: "family-\(person)", address: "home", device: "tablet", sku: "sku-\(person * 10 + n)",
                                    value: 400_00, used: used, hours: hours))
            }
        }
        #expect(run(family).allSatisfy { $0.action == .allow })
        // Twenty colleagues whose parcels go to the reception desk, each their own device and payer, buying what they like.
        var office: [RiskObservation] = []
        for person in 1...20 {
            for n in 0..<2 {
                let used = Int64(n + 1) * 200_00
                let hours = Int64(person * 5 + n * 70)
                office.append(order(next(), identity: "office-\(person)", address: "reception", device: "phone-\(person)",
                                    sku: "sku-\(person * 7 + n * 3)", value: 200_00, used: used, hours: hours))
            }
        }
        #expect(run(office).allSatisfy { $0.action == .allow })
        // Twenty bought identities to one warehouse, two SKUs, close to the limit each time.
        var ring: [RiskObservation] = []
        for person in 1...20 {
            for n in 0..<5 {
                let used = Int64(n + 1) * 4_800_00
                let hours = Int64(person + n * 10)
                ring.append(order(next(), identity: "bought-\(person)", address: "warehouse", device: "ring-phone-\(person % 3)",
                                  sku: "sku-\(n % 2)", value: 4_800_00, used: used, hours: hours))
            }
        }
        let decisions = run(ring)
        #expect(decisions.suffix(40).allSatisfy { $0.action != .allow }, "the ring's later orders are all held or refused")
        #expect(decisions.contains { $0.action == .block }, "refused once its identities are used up to their limits")
    }

    @Test("the same SKU across many identities is counted over the last day")
    func skuWindow() {
        var state = RiskState()
        for n in 1...3 { state.observe(order(n, identity: "buyer-\(n)", address: "a-\(n)", sku: "sku-9", hours: Int64(n)), year: 2026) }
        let fourth = state.signals(for: order(9, identity: "buyer-4", address: "a-4", sku: "sku-9", hours: 4), year: 2026,
                                   limits: Self.limits, thresholds: Self.thresholds)
        #expect(fourth[.skuIdentitiesDay] == 4 && fourth[.skuUnitsDay] == 4)
        let again = state.signals(for: order(10, identity: "buyer-1", address: "a-1", sku: "sku-9", hours: 4), year: 2026,
                                  limits: Self.limits, thresholds: Self.thresholds)
        #expect(again[.skuIdentitiesDay] == 3, "a buyer counted once")
        state.observe(order(11, identity: "buyer-5", address: "a-5", sku: "sku-9", hours: 27), year: 2026)
        let later = state.signals(for: order(12, identity: "buyer-6", address: "a-6", sku: "sku-9", hours: 27), year: 2026,
                                  limits: Self.limits, thresholds: Self.thresholds)
        #expect(later[.skuIdentitiesDay] == 2, "the first day's buyers have left the window")
        #expect(later[.addressOrdersHour] == 1 && later[.addressYuanDay] == 300)
    }

    @Test("velocity is counted over expiring windows")
    func windows() {
        var state = RiskState()
        for n in 0..<5 { state.observe(order(n, identity: "a", address: "x", hours: Int64(n)), year: 2026) }
        let late = state.signals(for: order(9, identity: "a", address: "x", hours: 4), year: 2026, limits: Self.limits, thresholds: Self.thresholds)
        #expect(late[.identityOrdersHour] == 2, "the order at hour 4 and this one")
        #expect(late[.identityOrdersDay] == 6)
        let nextDay = state.signals(for: order(10, identity: "a", address: "x", hours: 28), year: 2026, limits: Self.limits, thresholds: Self.thresholds)
        #expect(nextDay[.identityOrdersDay] == 1)
    }

    @Test("rules that do not parse are refused with the line at fault")
    func parseErrors() throws {
        let cases: [(String, Int)] = [
            ("rule a: review when cluster.size >= 3", 1),
            ("# fine\nrule a: hold when cluster.identities >= 3", 2),
            ("# as a browser sends it\r\nrule a: hold when cluster.identities >= 3", 2),
            ("rule a: review when cluster.identities >= three", 1),
            ("rule a: review when cluster.identities >= 3 or address.identities > 2", 1),
            ("rule a: review when cluster.identities >= 3\nrule a: block when cluster.identities >= 9", 2),
            ("score cluster.identities 60 full 10\nrule a: review when cluster.score >= 3", 0),
            ("set at_limit_percent 180\nrule a: review when cluster.identities >= 3", 1),
            ("score cluster.score 100 full 10\nrule a: review when cluster.score >= 3", 1),
        ]
        for (text, line) in cases {
            #expect(throws: RiskRuleSet.Problem.self) { try RiskRuleSet(parsing: text) }
            do { _ = try RiskRuleSet(parsing: text) } catch { #expect(error.line == line, "\(text): \(error)") }
        }
        let rules = try DefaultRiskRules.rules
        #expect(rules.weights.reduce(0) { $0 + $1.points } == 100)
        #expect(try RiskRuleSet(parsing: rules.text) == rules)
    }

    @Test("the strictest matching rule decides; the score is the weights' share of each signal")
    func deciding() throws {
        let rules = try RiskRuleSet(parsing: """
            score cluster.identities 50 full 10
            score cluster.top_sku_percent 50 full 100
            rule wide: review when cluster.identities >= 5
            rule narrow: block when cluster.score >= 90
            """)
        let signals = RiskSignals([.clusterIdentities: 5, .clusterTopSKUPercent: 100])
        #expect(rules.score(signals) == 75)
        let decision = rules.decide(signals)
        #expect(decision.action == .review)
        #expect(decision.matched == ["wide"])
        #expect(rules.decide(RiskSignals([.clusterIdentities: 10, .clusterTopSKUPercent: 90])).action == .block)
        #expect(rules.decide(RiskSignals([.clusterIdentities: 1])).action == .allow)
    }

    @Test("the shipped rules catch every kind of ring and hold almost no ordinary buyer, family or office")
    func shippedRulesOnKnownTraffic() throws {
        for seed: UInt64 in [2026, 7] {
            let traffic = RiskTraffic(seed: seed, start: Self.start, scale: 2)
            let report = RiskReport(traffic, decisions: RiskReplay.run(traffic.orders.map(\.observation), rules: try DefaultRiskRules.rules))
            for row in report.rows where row.kind.isRing {
                #expect(row.recall >= 0.6, "seed \(seed): \(row.kind) caught \(row.caught) of \(row.orders)")
            }
            #expect(report.ordinaryHeldShare <= 0.01, "seed \(seed): \(report.ordinaryHeldShare)")
            #expect(report.precision >= 0.95, "seed \(seed)")
        }
    }
}
