import Commerce
import Foundation
import Ledger
import Money
@testable import Services
import Storage
import TestSupport
import Testing

/// Release, refunds, payouts and reconciliation on a paid order, on both stores.
@Suite("Release, refunds and payouts")
struct SettlementServiceTests {
    static func rates(_ store: any Store) -> RateService { RateService(store: store, maxAge: 3600) }

    /// A paid order moved on to delivered, as customs and the carrier would.
    func delivered(_ store: any Store, sku: String = "pp-nuts-1", at deliveredAt: Date = Date()) async throws -> (PaymentTests.Fixture, OrderView) {
        let shop = try await PaymentTests.Fixture(store, sku: sku)
        _ = try await shop.pay()
        let orders = OrderService(store: store)
        for status in [OrderStatus.declared, .shipped, .cleared, .delivered] {
            try await orders.transition(shop.orderIDs[0], to: status, by: .system, at: deliveredAt)
        }
        return (shop, try #require(try await orders.order(shop.orderIDs[0], of: shop.consumer)))
    }

    func refunds(_ store: any Store, _ shop: PaymentTests.Fixture) -> RefundService {
        RefundService(store: store, rates: Self.rates(store), channels: PaymentChannels([shop.bank, shop.partner]))
    }

    @Test("confirming delivery releases escrow: the merchant is credited in its currency less commission, both rates recorded",
          arguments: StoreKind.allCases)
    func release(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let (shop, order) = try await delivered(store)
            let release = try await ReleaseService(store: store, rates: Self.rates(store)).confirmDelivery(order.id, by: shop.consumer, at: Date())
            let listed = order.lines.reduce(0) { $0 + $1.unitPrice.minorUnits * $1.quantity }
            #expect(release.share.minorUnits == listed, "nothing refunded: the merchant gets its own prices")
            let bps = try #require(DemoPayoutAccounts.entries.first { $0.merchantID == order.merchantID }).commissionBasisPoints
            #expect(release.commission.minorUnits == Int64(Rounding.halfEven.divide(Int128(listed) * Int128(bps), by: 10_000)))
            #expect(!release.quoteRate.isEmpty && !release.releaseRate.isEmpty)
            let merchant = Books.merchant(order.merchantID, release.share.currency).id
            let balance = try await LedgerService(store: store).balances(of: [merchant])[merchant] ?? Balance()
            #expect(balance.creditsPosted - balance.debitsPosted == release.share.minorUnits - release.commission.minorUnits)
            #expect(try await shop.escrow(order.id) == 0)
            #expect(try await shop.statuses() == [.completed])
            await #expect(throws: OrderError.self) {
                try await ReleaseService(store: store, rates: Self.rates(store)).confirmDelivery(order.id, by: shop.consumer, at: Date())
            }
            try await shop.checkBooks()
        }
    }

    @Test("the confirmation window releases what the buyer did not confirm", arguments: [StoreKind.sqlite])
    func automaticRelease(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let releases = ReleaseService(store: store, rates: Self.rates(store))
            let (shop, _) = try await delivered(store, at: Date() - releases.confirmationWindow + 60)
            #expect(try await releases.releaseDue(at: Date()) == 0, "a minute of the window is left")
            #expect(try await releases.releaseDue(at: Date() + 61) == 1)
            #expect(try await shop.statuses() == [.completed])
        }
    }

    @Test("partial then full refunds before release go back to the channel; more than paid is refused and moves nothing",
          arguments: StoreKind.allCases)
    func refundsBeforeRelease(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let (shop, order) = try await delivered(store)
            let service = refunds(store, shop)
            let part = Money(minorUnits: order.total.minorUnits / 3, currency: .CNY)
            let first = try await service.refund(order.id, amount: part, reason: "one item damaged", requestedBy: "ops:test", refundID: "r1", at: Date())
            #expect(first.status == "sent")
            #expect(try await service.refund(order.id, amount: part, reason: "one item damaged", requestedBy: "ops:test", refundID: "r1", at: Date()) == first,
                    "the same refund id is the same refund")
            #expect(try await shop.escrow(order.id) == order.total.minorUnits - part.minorUnits)
            let left = order.total.minorUnits - part.minorUnits
            let before = try await store.read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM ledger_transfers")).first?.integer("n")
            await #expect(throws: RefundError.exceedsPaid(asked: Money(minorUnits: left + 1, currency: .CNY), refundable: Money(minorUnits: left, currency: .CNY))) {
                try await service.refund(order.id, amount: Money(minorUnits: left + 1, currency: .CNY), reason: "x", requestedBy: "ops:test",
                                         refundID: "r2", at: Date())
            }
            await #expect(throws: RefundError.amountMustBePositive) {
                try await service.refund(order.id, amount: .zero(.CNY), reason: "x", requestedBy: "ops:test", refundID: "r3", at: Date())
            }
            #expect(try await store.read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM ledger_transfers")).first?.integer("n") == before)
            _ = try await service.refund(order.id, amount: Money(minorUnits: left, currency: .CNY), reason: "returned", requestedBy: "ops:test",
                                         refundID: "r4", at: Date())
            #expect(try await shop.statuses() == [.refunded])
            #expect(try await shop.escrow(order.id) == 0)
            let allowance = try await IdentityService(store: store, cipher: CheckoutTests.cipher, checker: SandboxIdentityChecker(delay: .zero))
                .allowance(of: shop.consumer, at: Date())
            #expect(allowance?.used.isZero == false, "a full refund of goods the buyer kept does not give the allowance back; a return does")
            let movements = try await ReconciliationService(store: store).ledgerMovements(channel: "bank")
            #expect(Reconciliation.mismatches(statement: try await shop.bank.statement(), ledger: movements).isEmpty)
            #expect(movements.filter { $0.kind == .refund }.count == 2)
            try await shop.checkBooks()
        }
    }

    @Test("after release a refund is clawed back from the merchant; payouts pay what is left and the bank's report settles them",
          arguments: StoreKind.allCases)
    func clawbackAndPayout(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let (shop, order) = try await delivered(store, sku: "hv-loafer-1")
            let release = try await ReleaseService(store: store, rates: Self.rates(store)).release(order.id, by: .system, note: "", at: Date())
            _ = try await refunds(store, shop).refund(order.id, amount: Money(minorUnits: 100, currency: .CNY), reason: "late", requestedBy: "ops:test",
                                                      refundID: "r1", at: Date())
            let merchant = Books.merchant(order.merchantID, release.share.currency).id
            let owed = (try await LedgerService(store: store).balances(of: [merchant])[merchant]).map { $0.creditsPosted - $0.debitsPosted } ?? 0
            #expect(owed < release.share.minorUnits - release.commission.minorUnits, "the claw-back came off the merchant's balance")
            let bank = SandboxPayoutBank()
            let payouts = PayoutService(store: store, bank: bank, debtor: PayoutDebtor(
                name: "CrossBorder", iban: try IBAN("GB82WEST12345698765432"), bic: "WESTGB2L"))
            let day = Day(beijing: Date())
            let batches = try await payouts.run(on: day, at: Date())
            let paid = batches.flatMap(\.payouts).filter { $0.account.merchantID == order.merchantID }
            #expect(owed >= Settlement.minimum(release.share.currency).minorUnits)
            #expect(paid.map(\.amount.minorUnits) == [owed], "the whole available balance")
            #expect(try await payouts.run(on: day, at: Date()).isEmpty, "one batch per day")
            #expect(try await payouts.collectReports(at: Date()) == batches.flatMap(\.payouts).count)
            #expect(try await payouts.payouts(of: order.merchantID).allSatisfy { $0.status != "submitted" })
            try await shop.checkBooks()
        }
    }

    @Test("reconciliation names a charge the statement has and the ledger does not", arguments: [StoreKind.sqlite])
    func reconciliation(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await PaymentTests.Fixture(store)
            let payment = try await shop.pay()
            let statement = Reconciliation.statementCSV(try await shop.bank.statement()
                + [ChannelMovement(reference: "p-unknown", kind: .charge, amount: Money(minorUnits: 500, currency: .CNY))])
            let found = try await ReconciliationService(store: store).reconcile(channel: "bank", statement: statement)
            #expect(found.map(\.reference) == ["p-unknown"])
            #expect(found.first?.kind == .missingInLedger)
            #expect(!found.contains { $0.reference == payment.id })
        }
    }
}
