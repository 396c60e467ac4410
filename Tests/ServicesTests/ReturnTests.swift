import Commerce
import Foundation
import Money
@testable import Services
import Storage
import TestSupport
import Testing

/// After-sales returns by customs' rule: within 30 days of release the goods go back, the buyer
/// gets everything back, tax included, and the allowance too; a refund of goods the buyer kept
/// leaves the allowance used; after the window a return is refused with its date.
@Suite("Returns")
struct ReturnTests {
    func allowanceUsed(_ store: any Store, _ shop: PaymentTests.Fixture) async throws -> Money? {
        try await IdentityService(store: store, cipher: CheckoutTests.cipher, checker: SandboxIdentityChecker(delay: .zero))
            .allowance(of: shop.consumer, at: Date())?.used
    }

    @Test("a return within the window refunds everything and restores the allowance; once only; the books agree", arguments: StoreKind.allCases)
    func withinWindow(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let (shop, order) = try await SettlementServiceTests().delivered(store, at: Date() - 29 * 86_400)
            let returns = ReturnService(store: store, refunds: SettlementServiceTests().refunds(store, shop))
            #expect(try await allowanceUsed(store, shop)?.isZero == false)
            await #expect(throws: CatalogError.self) { try await returns.request(order.id, for: shop.consumer, reason: "  ", at: Date()) }
            let asked = try await returns.request(order.id, for: shop.consumer, reason: "the wrong size", at: Date())
            #expect(asked.deadline > Date() && asked.deadline < Date() + 2 * 86_400, "30 days from the release, 29 of them gone")
            await #expect(throws: ReturnRefusal.alreadyAsked) { try await returns.request(order.id, for: shop.consumer, reason: "again", at: Date()) }
            let done = try await returns.received(asked.id, by: "hub:LAX", at: Date())
            #expect(done.status == .refunded)
            let refunded = try #require(try await OrderService(store: store).order(order.id))
            #expect(refunded.status == .refunded)
            #expect(try await allowanceUsed(store, shop)?.isZero == true, "returned in time: the allowance comes back")
            let paidBack = try await SettlementServiceTests().refunds(store, shop).refunds(of: order.id).reduce(0) { $0 + $1.amount.minorUnits }
            #expect(paidBack == order.total.minorUnits, "goods, freight and tax")
            await #expect(throws: ReturnRefusal.settled) { try await returns.received(asked.id, by: "hub:LAX", at: Date()) }
            #expect(try await OrderBooksCheck(store: store).run().isEmpty)
            #expect(try await LedgerCheck(store: store).run().problems.isEmpty)
        }
    }

    @Test("after the window a return is refused with its date; a refund of goods kept leaves the allowance used, and the books agree",
          arguments: StoreKind.allCases)
    func afterWindow(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let (shop, order) = try await SettlementServiceTests().delivered(store, at: Date() - 31 * 86_400)
            let refunds = SettlementServiceTests().refunds(store, shop)
            let returns = ReturnService(store: store, refunds: refunds)
            do {
                _ = try await returns.request(order.id, for: shop.consumer, reason: "changed my mind", at: Date())
                Issue.record("a return after 30 days was taken")
            } catch ReturnRefusal.windowClosed(let deadline) {
                #expect(deadline < Date())
            }
            let used = try await allowanceUsed(store, shop)
            try await refunds.refundRest(of: order.id, reason: "goodwill", requestedBy: "ops:test", refundID: "r-goodwill", at: Date())
            #expect(try await allowanceUsed(store, shop) == used, "the goods stayed in China: they still count")
            #expect(try await OrderBooksCheck(store: store).run().isEmpty)
            await #expect(throws: ReturnRefusal.self) { try await returns.request(order.id, for: shop.consumer, reason: "x", at: Date()) }
        }
    }
}
