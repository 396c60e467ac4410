import Commerce
import Foundation
import Money
@testable import Services
import Storage
import TestSupport
import Testing

@Suite("Customs declarations")
struct DeclarationTests {
    func service(_ store: any Store, _ shop: PaymentTests.Fixture) -> DeclarationService {
        DeclarationService(store: store, cipher: CheckoutTests.cipher, gateway: SandboxCustoms(store: store, delay: 3),
                           refunds: RefundService(store: store, rates: RateService(store: store, maxAge: 3600),
                                                  channels: PaymentChannels([shop.bank, shop.partner])))
    }

    @Test("orders are declared together: one refunded since it was listed is passed over, one missing fails alone, the rest are declared",
          arguments: StoreKind.allCases)
    func declaredTogether(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            var shops: [PaymentTests.Fixture] = []
            for buyer in 1...3 {
                let shop = try await PaymentTests.Fixture(store, buyer: buyer)
                _ = try await shop.pay()
                shops.append(shop)
            }
            let declarations = service(store, shops[0])
            let moved = shops[1].orderIDs[0]
            try await OrderService(store: store).transition(moved, to: .refunded, by: .system, at: Date())
            let (outcome, declared) = await declarations.declaring([shops[0].orderIDs[0], moved, "o-missing", shops[2].orderIDs[0]], at: Date())
            #expect(declared.map(\.orderID) == outcome.done)
            #expect(declared.map(\.declaration.order.orderNo) == outcome.done, "each order's own declaration, to send")
            #expect(Set(outcome.done) == [shops[0].orderIDs[0], shops[2].orderIDs[0]])
            #expect(outcome.failures.map(\.item) == ["o-missing"], "an order that does not exist is a failure; one no longer paid is not")
            #expect(try await shops[0].statuses() == [.declared])
            #expect(try await shops[2].statuses() == [.declared])
            #expect(try await shops[1].statuses() == [.refunded])
            let stored = try await store.read(SQL("SELECT order_id FROM declarations ORDER BY order_id")).map { try $0.text("order_id") }
            #expect(stored == [shops[0].orderIDs[0], shops[2].orderIDs[0]].sorted())
            #expect(try await OrderBooksCheck(store: store).run().isEmpty)
        }
    }

    /// The gateway refuses the first batch it is sent, then takes everything.
    final class RefusingOnce: CustomsGateway, @unchecked Sendable {
        let sandbox: SandboxCustoms
        private let lock = NSLock()
        private var refused = false
        init(_ sandbox: SandboxCustoms) { self.sandbox = sandbox }

        func submit(_ declarations: [Declaration], at now: Date) async throws {
            let refuse = lock.withLock { defer { refused = true }; return !refused }
            if refuse { throw StoreError.unreachable("the single window is down") }
            try await sandbox.submit(declarations, at: now)
        }

        func deliverResults(at now: Date, to receive: @escaping @Sendable (CustomsResult) async throws -> Void) async throws -> Int {
            try await sandbox.deliverResults(at: now, to: receive)
        }
    }

    @Test("a declaration the gateway refuses stays declared, is recorded as failing, and goes out from the store next round",
          arguments: StoreKind.allCases)
    func sentAgain(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await PaymentTests.Fixture(store)
            _ = try await shop.pay()
            let declarations = DeclarationService(
                store: store, cipher: CheckoutTests.cipher, gateway: RefusingOnce(SandboxCustoms(store: store, delay: 3)),
                refunds: RefundService(store: store, rates: RateService(store: store, maxAge: 3600), channels: PaymentChannels([shop.bank, shop.partner])))
            #expect(try await declarations.declareDue(at: Date()) == 0, "declared, but the gateway took nothing")
            #expect(try await shop.statuses() == [.declared])
            #expect(try await WorkFailures(store: store).all().map(\.work) == [DeclarationService.sending])
            #expect(try await declarations.declareDue(at: Date()) == 1, "the stored declaration, opened and sent")
            #expect(try await WorkFailures(store: store).all().isEmpty, "the failure is forgotten once it went")
            #expect(try await declarations.declareDue(at: Date()) == 0, "sent once")
            #expect(try await declarations.collectResults(at: Date() + 3600) >= 2)
            #expect(try await declarations.declaration(of: shop.orderIDs[0])?.status == .released)
        }
    }

    @Test("a pre-approved buyer's paid order is declared; customs releases it once, however often it answers", arguments: StoreKind.allCases)
    func released(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await PaymentTests.Fixture(store)
            let declarations = service(store, shop)
            #expect(try await declarations.declareDue(at: Date()) == 0, "not paid yet")
            _ = try await shop.pay()
            let now = Date()
            #expect(try await declarations.declareDue(at: now) == 1)
            #expect(try await shop.statuses() == [.declared])
            let view = try #require(try await declarations.declaration(of: shop.orderIDs[0]))
            #expect(view.mismatches.isEmpty)
            #expect(view.records.order.buyerIdNumber == "3101**********" + String(CheckoutTests.idNumber(1).suffix(4)))
            let stored = try await store.read(SQL("SELECT records_sealed, records_masked FROM declarations"))
            #expect(stored.allSatisfy { row in !((try? row.text("records_sealed")) ?? "").contains(CheckoutTests.idNumber(1)) })
            #expect(stored.allSatisfy { row in !((try? row.text("records_masked")) ?? "").contains(CheckoutTests.idNumber(1)) })
            #expect(try await declarations.collectResults(at: now + 1) == 0, "customs answers later")
            let delivered = try await declarations.collectResults(at: now + 3600)
            #expect(delivered >= 2, "every result comes twice")
            let final = try #require(try await declarations.declaration(of: shop.orderIDs[0]))
            #expect(final.status == .released)
            #expect(try await shop.statuses() == [.declared], "direct mail: the parcel is cleared on arrival, not before it flies")
            let applied = try await store.read(SQL("SELECT CAST(SUM(applied) AS BIGINT) AS n, CAST(COUNT(*) AS BIGINT) AS c FROM declaration_results"))
            #expect(try applied.first?.integer("c") ?? 0 < Int64(delivered), "a duplicate is not even recorded twice")
            #expect(try await declarations.collectResults(at: now + 7200) == 0, "what was delivered is marked so, once a round")
            let unsent = try await store.read(SQL("SELECT order_id FROM declarations WHERE sent_at IS NULL"))
            #expect(unsent.isEmpty, "the round marks what the gateway took")
        }
    }

    @Test("a rejected parcel is refunded in full, tax included, and gives the allowance back", arguments: StoreKind.allCases)
    func rejected(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await PaymentTests.Fixture(store)
            let declarations = service(store, shop)
            _ = try await shop.pay()
            try await declarations.declareDue(at: Date())
            let order = try #require(try await OrderService(store: store).order(shop.orderIDs[0]))
            let result = CustomsResult(eventID: "e1", orderNo: order.id, result: .rejected, reason: "goods not on the positive list")
            #expect(try await declarations.receive(result, at: Date()))
            #expect(try await declarations.receive(result, at: Date()) == false, "the same result again changes nothing")
            #expect(try await declarations.receive(CustomsResult(eventID: "e2", orderNo: order.id, result: .released, reason: ""), at: Date()) == false,
                    "a late release does not undo a rejection")
            #expect(try await shop.statuses() == [.refunded])
            let refunds = try await RefundService(store: store, rates: RateService(store: store, maxAge: 3600), channels: PaymentChannels([shop.bank]))
                .refunds(of: order.id)
            #expect(refunds.map(\.amount) == [order.total], "goods, freight and tax")
            #expect(order.tax.minorUnits > 0)
            let allowance = try await IdentityService(store: store, cipher: CheckoutTests.cipher, checker: SandboxIdentityChecker(delay: .zero))
                .allowance(of: shop.consumer, at: Date())
            #expect(allowance?.used.isZero == true)
            try await shop.checkBooks()
        }
    }

    @Test("the sandbox customs rejects records that disagree, naming the rule", arguments: [StoreKind.sqlite])
    func sandboxRejects(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await PaymentTests.Fixture(store)
            _ = try await shop.pay()
            let (good, _) = try await service(store, shop).records(of: shop.orderIDs[0])
            let customs = SandboxCustoms(store: store, delay: 0)
            let other = good.payment
            let bad = Declaration(order: good.order, payment: PaymentRecord(
                payCode: other.payCode, payTransactionId: other.payTransactionId, orderNo: other.orderNo, payerName: other.payerName,
                payerIdNumber: CheckoutTests.idNumber(7), amountPaidFen: other.amountPaidFen, paidAt: other.paidAt), waybill: good.waybill)
            try await customs.submit([bad], at: Date())
            let received = Received()
            _ = try await customs.deliverResults(at: Date() + 10) { await received.add($0) }
            let results = await received.results
            #expect(results.count == 2 && results.allSatisfy { $0.result == .rejected })
            #expect(results.first?.reason.contains("payer identity = buyer identity") == true)
        }
    }

    @Test("an unverified buyer's order waits for verification, then is declared", arguments: [StoreKind.sqlite])
    func waitsForVerification(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await PaymentTests.Fixture(store)
            _ = try await shop.pay()
            try await store.apply([.write(SQL("UPDATE buyer_identities SET status = 'unchecked' WHERE consumer_id = ?", bind: shop.consumer.id))])
            let declarations = service(store, shop)
            #expect(try await declarations.declareDue(at: Date()) == 0)
            #expect(try await shop.statuses() == [.paid])
            _ = try await IdentityService(store: store, cipher: CheckoutTests.cipher, checker: SandboxIdentityChecker(delay: .zero))
                .enrol(shop.consumer, name: "王小明", idNumber: CheckoutTests.idNumber(1), mobile: "13800138000", at: Date())
            #expect(try await declarations.declareDue(at: Date()) == 1)
        }
    }
}

/// Results handed over by the sandbox customs, which delivers several parcels at once.
private actor Received {
    var results: [CustomsResult] = []
    func add(_ result: CustomsResult) { results.append(result) }
}
