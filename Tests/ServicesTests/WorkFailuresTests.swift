import Commerce
import Foundation
import Money
@testable import Services
import Storage
import TestSupport
import Testing

/// Background work that keeps failing is recorded, parked after `parkAfter` attempts, shown to
/// ops and retried when ops say so.
@Suite("Failed background work")
struct WorkFailuresTests {
    @Test("a refund the channel keeps refusing is retried, then parked for ops, and sent when ops retry it", arguments: StoreKind.allCases)
    func parkedRefund(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await PaymentTests.Fixture(store)
            _ = try await shop.pay()
            var down = shop.bank
            down.scenario = { _ in 99 }
            let rates = RateService(store: store, maxAge: 3600)
            let failing = RefundService(store: store, rates: rates, channels: PaymentChannels([down, shop.partner]))
            let refund = try await failing.refund(shop.orderIDs[0], amount: Money(minorUnits: 500, currency: .CNY), reason: "damaged",
                                                  requestedBy: "ops:test", refundID: "r-down", at: Date())
            #expect(refund.status == "booked", "the channel is down: booked, not sent")
            let failures = WorkFailures(store: store)
            for _ in 1..<WorkFailures.parkAfter { #expect(try await failing.resendUnsent(at: Date()) == 0) }
            let parked = try #require(try await failures.all().first { $0.item == "r-down" })
            #expect(parked.work == "refund" && parked.parked && parked.attempts == WorkFailures.parkAfter)
            #expect(parked.lastError.contains("down"), "\(parked.lastError)")
            _ = try await failing.resendUnsent(at: Date())
            #expect(try await failures.all().first?.attempts == WorkFailures.parkAfter, "a parked refund is left alone")
            #expect(try await failures.totals().map(\.parked) == [1])

            let working = RefundService(store: store, rates: rates, channels: PaymentChannels([shop.bank, shop.partner]))
            #expect(try await working.resendUnsent(at: Date()) == 0, "still parked, even with the channel back")
            try await store.apply(try #require(try await failures.retrying("refund", item: "r-down")))
            #expect(try await working.resendUnsent(at: Date()) == 1)
            #expect(try await failures.all().isEmpty, "sent: its failures are forgotten")
            #expect(try await failures.retrying("refund", item: "r-down") == nil)
            try await shop.checkBooks()
        }
    }

    @Test("a round counts what worked, records what failed and goes on, skips what is parked, and forgets failures that now work",
          arguments: [StoreKind.sqlite])
    func round(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let failures = WorkFailures(store: store)
            struct Refused: Error {}
            for _ in 0..<WorkFailures.parkAfter { await failures.failed("w", item: "parked", reason: "no", at: Date()) }
            await failures.failed("w", item: "recovers", reason: "once", at: Date())
            var tried: [String] = []
            let counted = try await failures.round("w", ["ok", "fails", "parked", "recovers"], named: { $0 }, at: Date()) { item in
                tried.append(item)
                if item == "fails" { throw Refused() }
                return item != "recovers"
            }
            #expect(counted == 1 && tried == ["ok", "fails", "recovers"])
            #expect(try await failures.known("w") == ["fails": false, "parked": true])
        }
    }

    @Test("a failure is counted once per attempt and a success clears it", arguments: [StoreKind.sqlite])
    func countsAndClears(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let failures = WorkFailures(store: store)
            struct Refused: Error {}
            for attempt in 1...3 {
                let parked = await failures.failed("w", item: "a", Refused(), at: Date())
                #expect(!parked && attempt < Int(WorkFailures.parkAfter))
            }
            await failures.failed("w", item: "b", reason: "no", at: Date())
            #expect(try await failures.known("w") == ["a": false, "b": false])
            #expect(try await failures.totals().first.map { [$0.attempts, $0.failing, $0.parked] } == [4, 2, 0])
            try await failures.succeeded("w", item: "a")
            #expect(try await failures.known("w") == ["b": false])
        }
    }
}
