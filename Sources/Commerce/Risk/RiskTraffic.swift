import Foundation
import Money

/// Thirty days of made-up orders with the truth known: ordinary buyers, families sharing a home,
/// offices whose parcels go to one reception desk, and grey-market rings of four kinds. The
/// addresses are written the way people write them (full-width digits, 三号楼 for 3栋, rooms,
/// +86), and keyed through `RiskAddress`, so the report measures the normalisation too.
public struct RiskTraffic: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// One person: their own home, phone, device and payment account.
        case ordinary
        /// Two to four people at one home, some with one phone or one tablet.
        case family
        /// Ten to thirty colleagues whose parcels go to the reception desk, with its phone; half
        /// the offices also buy one thing together (a group buy), one or two units each.
        case office
        /// Bought identities, many, all shipped to one warehouse, close to their limits fast.
        case warehouseRing = "warehouse-ring"
        /// Identities with addresses of their own, all paid for by one account.
        case payerRing = "payer-ring"
        /// Bulk split into orders just under the per-transaction limit, to a few addresses.
        case splitRing = "split-ring"
        /// A ring that stays under every velocity rule: a few orders an identity a month, a few drop addresses.
        case slowRing = "slow-ring"

        public var isRing: Bool { ![.ordinary, .family, .office].contains(self) }
    }

    public struct Order: Sendable {
        public let observation: RiskObservation
        public let kind: Kind
        /// The group (a buyer, family, office or ring) it belongs to.
        public let group: Int
    }

    public let orders: [Order]

    /// Traffic from `seed`, starting at `start` (milliseconds), `scale` times the base mix
    /// (per unit of scale: 400 ordinary buyers, 40 families, 4 offices and two rings of each kind).
    public init(seed: UInt64, start: Int64, scale: Int = 1) {
        var random = SplitMix(state: seed)
        var maker = Maker(start: start)
        for _ in 0..<scale {
            for _ in 0..<400 { maker.ordinary(&random) }
            for _ in 0..<40 { maker.family(&random) }
            for _ in 0..<4 { maker.office(&random) }
            for _ in 0..<2 {
                maker.warehouseRing(&random)
                maker.payerRing(&random)
                maker.splitRing(&random)
                maker.slowRing(&random)
            }
        }
        orders = maker.orders.sorted { ($0.observation.at, $0.observation.orderID) < ($1.observation.at, $1.observation.orderID) }
    }

    /// A place as written: one of the ways a person would write the same building and phone.
    struct Place {
        let province: String, city: String, district: String
        let road: String, number: Int, building: Int
        let phone: String

        func written(_ random: inout SplitMix) -> String {
            let room = Int.random(in: 101...2_508, using: &random)
            let buildings = ["\(building)栋", "\(building)号楼", "\(Self.chinese(building))号楼", "\(Self.fullWidth(building))幢"]
            let spaced = Bool.random(using: &random) ? " " : ""
            return "\(road)\(number)号\(spaced)\(buildings.randomElement(using: &random) ?? "")\(spaced)\(room)室"
        }

        func writtenPhone(_ random: inout SplitMix) -> String {
            [phone, "+86 " + phone, "86-" + phone.prefix(3) + "-" + phone.dropFirst(3)].randomElement(using: &random) ?? phone
        }

        func key(_ random: inout SplitMix) -> (address: String, phone: String) {
            let phoneText = writtenPhone(&random)
            let city = Bool.random(using: &random) ? self.city : self.city + "市"
            return (RiskAddress.key(province: province, city: city, district: district, street: written(&random), phone: phoneText),
                    RiskAddress.phone(phoneText))
        }

        static func chinese(_ number: Int) -> String {
            let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
            if number < 10 { return digits[number] }
            if number < 20 { return "十" + (number % 10 == 0 ? "" : digits[number % 10]) }
            return digits[number / 10] + "十" + (number % 10 == 0 ? "" : digits[number % 10])
        }

        static func fullWidth(_ number: Int) -> String {
            String(String(number).unicodeScalars.compactMap { Unicode.Scalar($0.value + 0xFEE0).map(Character.init) })
        }
    }

    struct Maker {
        let start: Int64
        var orders: [Order] = []
        var group = 0
        var serial = 0
        var used: [String: Int64] = [:]
        static let month: Int64 = 30 * 86_400_000
        static let skus = 300
        static let merchants = 25
        static let cities = [("上海市", "上海", "浦东新区"), ("北京市", "北京", "朝阳区"), ("广东省", "深圳", "南山区"), ("浙江省", "杭州", "西湖区")]

        init(start: Int64) { self.start = start }

        mutating func place(_ random: inout SplitMix) -> Place {
            let (province, city, district) = Self.cities.randomElement(using: &random) ?? Self.cities[0]
            return Place(province: province, city: city, district: district, road: ["张江路", "建国路", "科技园路", "文三路"].randomElement(using: &random) ?? "",
                         number: Int.random(in: 1...999, using: &random), building: Int.random(in: 1...30, using: &random),
                         phone: "13" + String(Int.random(in: 100_000_000...999_999_999, using: &random)))
        }

        mutating func token(_ prefix: String) -> String {
            serial += 1
            return "\(prefix)-\(serial)"
        }

        /// Orders `count` times for `identity`, stopping before the annual limit as checkout would.
        mutating func buy(_ random: inout SplitMix, kind: Kind, identity: String, place: Place, device: String?, payer: String,
                          at times: [Int64], values: ClosedRange<Int64>, skus: [Int]) {
            for at in times.sorted() {
                let value = Int64.random(in: values, using: &random)
                let spent = used[identity, default: 0] + value
                guard spent <= 26_000_00, value <= 5_000_00 else { continue }
                used[identity] = spent
                let sku = skus.randomElement(using: &random) ?? 0
                let (address, phone) = place.key(&random)
                orders.append(Order(observation: RiskObservation(
                    orderID: token("o"), at: at, identity: identity, address: address, phone: phone, device: device, payer: payer,
                    merchantID: "m-\(sku % Self.merchants)", lines: [.init(skuID: "sku-\(sku)", quantity: max(1, value / 40_000))],
                    value: value, allowanceUsed: spent), kind: kind, group: group))
            }
        }

        func times(_ random: inout SplitMix, count: Int, within span: Int64, from first: Int64? = nil) -> [Int64] {
            let origin = first ?? Int64.random(in: start...(start + Self.month - span), using: &random)
            return (0..<count).map { _ in origin + Int64.random(in: 0...span, using: &random) }
        }

        static let anySKU = Array(0..<skus)

        mutating func ordinary(_ random: inout SplitMix) {
            group += 1
            let identity = token("id")
            buy(&random, kind: .ordinary, identity: identity, place: place(&random), device: token("dev"), payer: token("pay"),
                at: times(&random, count: Int.random(in: 1...6, using: &random), within: Self.month - 1, from: start),
                values: 50_00...1_500_00, skus: Self.anySKU)
        }

        mutating func family(_ random: inout SplitMix) {
            group += 1
            let home = place(&random)
            let tablet = Bool.random(using: &random) ? token("dev") : nil
            for _ in 0..<Int.random(in: 2...4, using: &random) {
                let identity = token("id")
                let phone = Bool.random(using: &random) ? home : Place(province: home.province, city: home.city, district: home.district,
                    road: home.road, number: home.number, building: home.building, phone: "13" + String(Int.random(in: 100_000_000...999_999_999, using: &random)))
                buy(&random, kind: .family, identity: identity, place: phone, device: tablet ?? token("dev"), payer: token("pay"),
                    at: times(&random, count: Int.random(in: 1...8, using: &random), within: Self.month - 1, from: start),
                    values: 50_00...2_500_00, skus: Self.anySKU)
            }
        }

        mutating func office(_ random: inout SplitMix) {
            group += 1
            let reception = place(&random)
            let groupBuy = Bool.random(using: &random) ? (sku: Int.random(in: 0..<Self.skus, using: &random),
                                                          at: Int64.random(in: start...(start + Self.month - 86_400_000), using: &random)) : nil
            for _ in 0..<Int.random(in: 10...30, using: &random) {
                let identity = token("id")
                let device = token("dev")
                let payer = token("pay")
                if let groupBuy {
                    buy(&random, kind: .office, identity: identity, place: reception, device: device, payer: payer,
                        at: times(&random, count: 1, within: 86_400_000, from: groupBuy.at), values: 150_00...600_00, skus: [groupBuy.sku])
                }
                buy(&random, kind: .office, identity: identity, place: reception, device: device, payer: payer,
                    at: times(&random, count: Int.random(in: 0...3, using: &random), within: Self.month - 1, from: start),
                    values: 50_00...2_000_00, skus: Self.anySKU)
            }
        }

        mutating func ringSKUs(_ random: inout SplitMix) -> [Int] {
            let first = Int.random(in: 0..<Self.skus, using: &random)
            return [first, (first + Self.merchants) % Self.skus]  // two SKUs of one merchant
        }

        mutating func warehouseRing(_ random: inout SplitMix) {
            group += 1
            let warehouse = place(&random)
            let skus = ringSKUs(&random)
            let phones = (0..<3).map { _ in token("dev") }
            for _ in 0..<Int.random(in: 20...60, using: &random) {
                buy(&random, kind: .warehouseRing, identity: token("id"), place: warehouse, device: phones.randomElement(using: &random), payer: token("pay"),
                    at: times(&random, count: 6, within: 4 * 86_400_000), values: 3_500_00...4_990_00, skus: skus)
            }
        }

        mutating func payerRing(_ random: inout SplitMix) {
            group += 1
            let payer = token("pay")
            let skus = ringSKUs(&random)
            for _ in 0..<Int.random(in: 20...40, using: &random) {
                buy(&random, kind: .payerRing, identity: token("id"), place: place(&random), device: token("dev"), payer: payer,
                    at: times(&random, count: 4, within: 7 * 86_400_000), values: 2_000_00...4_900_00, skus: skus)
            }
        }

        mutating func splitRing(_ random: inout SplitMix) {
            group += 1
            let drops = (0..<3).map { _ in place(&random) }
            let skus = ringSKUs(&random)
            let device = token("dev")
            for _ in 0..<Int.random(in: 5...15, using: &random) {
                buy(&random, kind: .splitRing, identity: token("id"), place: drops.randomElement(using: &random) ?? drops[0], device: device,
                    payer: token("pay"), at: times(&random, count: 5, within: 10 * 86_400_000), values: 4_600_00...4_999_00, skus: skus)
            }
        }

        mutating func slowRing(_ random: inout SplitMix) {
            group += 1
            let drops = (0..<3).map { _ in place(&random) }
            let skus = ringSKUs(&random)
            let devices = (0..<4).map { _ in token("dev") }
            for _ in 0..<Int.random(in: 15...30, using: &random) {
                buy(&random, kind: .slowRing, identity: token("id"), place: drops.randomElement(using: &random) ?? drops[0],
                    device: devices.randomElement(using: &random), payer: token("pay"),
                    at: times(&random, count: 6, within: Self.month - 1, from: start), values: 1_500_00...3_000_00, skus: skus)
            }
        }
    }
}

/// How a rule set does on traffic whose truth is known.
public struct RiskReport: Sendable {
    public struct Row: Sendable {
        public let kind: RiskTraffic.Kind
        public let orders: Int
        public let caught: Int
        public let blocked: Int
        public let identities: Int
        public let identitiesCaught: Int
        public var recall: Double { orders == 0 ? 0 : Double(caught) / Double(orders) }
    }

    public let rows: [Row]
    /// Of the orders held or refused, the share that were a ring's.
    public let precision: Double
    /// Of the ordinary buyers (ordinary, families, offices), the share with an order held or refused.
    public let ordinaryHeldShare: Double

    public init(_ traffic: RiskTraffic, decisions: [RiskDecision]) {
        var rows: [Row] = []
        var caughtRing = 0
        var caughtAll = 0
        var ordinary = 0
        var ordinaryHeld = 0
        for kind in RiskTraffic.Kind.allCases {
            let mine = zip(traffic.orders, decisions).filter { $0.0.kind == kind }
            let caught = mine.filter { $0.1.action != .allow }
            let identities = Set(mine.map { $0.0.observation.identity })
            let caughtIdentities = Set(caught.map { $0.0.observation.identity })
            rows.append(Row(kind: kind, orders: mine.count, caught: caught.count, blocked: caught.filter { $0.1.action == .block }.count,
                            identities: identities.count, identitiesCaught: caughtIdentities.count))
            caughtAll += caught.count
            if kind.isRing { caughtRing += caught.count } else {
                ordinary += identities.count
                ordinaryHeld += caughtIdentities.count
            }
        }
        self.rows = rows
        precision = caughtAll == 0 ? 1 : Double(caughtRing) / Double(caughtAll)
        ordinaryHeldShare = ordinary == 0 ? 0 : Double(ordinaryHeld) / Double(ordinary)
    }
}
