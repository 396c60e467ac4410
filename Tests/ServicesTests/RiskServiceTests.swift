import Commerce
import Foundation
import Money
@testable import Services
import Storage
import TestSupport
import Testing

/// The risk rules on the order path: a rule ops saved holds the orders it matches before their
/// declaration, in one case for the cluster; clearing the case lets them on to customs; a blocked
/// identity's next order is refused with nothing written; a dry run replays what was placed.
@Suite("Risk on the order path")
struct RiskServiceTests {
    struct Ring {
        let store: any Store
        let engine = RiskEngine()
        let buyNow: BuyNowService
        let declarations: DeclarationService
        let cases: RiskCaseService
        let rules: RiskRuleService
        let accounts: AccountService

        init(_ store: any Store) async throws {
            self.store = store
            try await DemoLoader.loadIfAbsent(into: store, at: Date())
            let rates = RateService(store: store, maxAge: 3600)
            let risk = RiskService(store: store, engine: engine, cipher: CheckoutTests.cipher)
            var checkout = CheckoutService(store: store, rates: rates)
            checkout.risk = risk
            let channels = PaymentChannels([SandboxChannel(kind: .directBank, name: "bank", store: store)])
            var payments = PaymentService(store: store, channels: channels, health: ChannelHealth(), cipher: CheckoutTests.cipher)
            payments.risk = risk
            buyNow = BuyNowService(store: store, checkout: checkout, payments: payments)
            let refunds = RefundService(store: store, rates: rates, channels: channels)
            declarations = DeclarationService(store: store, cipher: CheckoutTests.cipher, gateway: SandboxCustoms(store: store, delay: 0), refunds: refunds)
            cases = RiskCaseService(store: store, engine: engine, refunds: refunds)
            rules = RiskRuleService(store: store, engine: engine)
            accounts = AccountService(store: store, cipher: CheckoutTests.cipher, bcryptCost: 4)
        }

        /// Buyer `n`, with an identity of its own, ships to the one warehouse, written its own way.
        func buyer(_ n: Int) async throws -> (Consumer, String) {
            let (consumer, _) = try await CheckoutTests().buyer(accounts, n)
            let streets = ["张江路88号3栋1201室", "张江路８８号 三号楼 502", "张江路88号3号楼", "张江路 88 号 3 幢 9 楼"]
            let phones = ["13912345678", "139 1234 5678", "139-1234-5678", "139 1234-5678"]
            let warehouse = try await accounts.addAddress(
                DeliveryAddress(province: "上海市", city: n.isMultiple(of: 2) ? "上海" : "上海市", district: "浦东新区", street: streets[n % 4],
                                recipient: "仓库收", mobile: phones[n % 4]), for: consumer, at: Date())
            return (consumer, warehouse.id)
        }

        func buy(_ consumer: Consumer, to address: String, key: String) async throws -> BuyNowService.Bought {
            let (changes, bought) = try await buyNow.buy("pp-nuts-1", quantity: 1, addressID: address, channel: "bank",
                                                         origin: OrderOrigin(device: "device-\(consumer.id.prefix(8))"), for: consumer, key: key, at: Date())
            try await store.apply(changes)
            return bought
        }

        func count(_ sql: String) async throws -> Int64 {
            try await store.read(SQL(sql)).first?.integer("n") ?? -1
        }
    }

    @Test("a saved rule holds the ring's orders before customs; clearing the case declares them; a blocked identity is refused",
          arguments: StoreKind.allCases)
    func ringHeldClearedBlocked(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let ring = try await Ring(store)
            await #expect(throws: RiskRuleSet.Problem.self) {
                try await ring.rules.save("rule warehouse: review when address.buyers >= 3", author: "test", note: "", at: Date())
            }
            try await ring.rules.save("rule warehouse: review when address.identities >= 3", author: "test", note: "one warehouse", at: Date())
            var bought: [(Consumer, String, BuyNowService.Bought)] = []
            for n in 1...4 {
                let (consumer, address) = try await ring.buyer(n)
                bought.append((consumer, address, try await ring.buy(consumer, to: address, key: "ring-\(n)")))
            }
            // The four ways of writing one building and phone are one address: the third and fourth identities are held.
            let held = try await store.read(SQL("SELECT order_id, case_id FROM risk_holds WHERE released_at IS NULL ORDER BY held_at"))
            #expect(Set(try held.map { try $0.text("order_id") }) == Set(bought[2...].flatMap { $0.2.orderIDs }))
            #expect(Set(try held.map { try $0.text("case_id") }).count == 1, "one case for the cluster")
            let caseID = try #require(try held.first?.text("case_id"))

            try await ring.declarations.declareDue(at: Date())
            let declared = try await store.read(SQL("SELECT order_id FROM declarations")).map { try $0.text("order_id") }
            #expect(Set(declared) == Set(bought[..<2].flatMap { $0.2.orderIDs }), "held orders wait before their declaration")

            let detail = try #require(try await ring.cases.detail(caseID))
            #expect(detail.identities.count == 4)
            #expect(detail.identities.allSatisfy { $0.number.contains("*") }, "identity numbers masked")
            #expect(detail.attributes.filter { $0.kind == "address" }.count == 1)

            try await ring.cases.act(.clear, on: caseID, by: "ops", note: "a real reseller's warehouse, checked", at: Date())
            try await ring.declarations.declareDue(at: Date())
            #expect(try await ring.count("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM declarations") == 4, "cleared orders go on to customs")

            let (fourth, address, _) = bought[3]
            let identity = try #require(detail.identities.first { person in
                person.number.hasSuffix(String(CheckoutTests.idNumber(4).suffix(4)))
            })
            try await ring.cases.act(.block(kind: "identity", key: identity.key), on: caseID, by: "ops", note: "", at: Date())
            let before = try await ring.count("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM orders")
            do {
                _ = try await ring.buy(fourth, to: address, key: "ring-4-again")
                Issue.record("a blocked identity's order was taken")
            } catch let refusal as RiskRefusal {
                #expect(refusal.reference == caseID, "the buyer quotes the case, which holds the whole reason")
            }
            #expect(try await ring.count("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM orders") == before, "a refused order writes no order")
            let events = try #require(try await ring.cases.detail(caseID)).events.map(\.action)
            #expect(events.contains("cleared") && events.contains("blocked identity") && events.contains("refused"))

            let run = try await ring.rules.dryRun("rule every: review when identity.orders_24h >= 1", days: 1, at: Date())
            #expect(run.orders == 4)
            #expect(run.draft[.review] == 4)
            #expect(run.inForce[.review] == 2)
        }
    }
}
