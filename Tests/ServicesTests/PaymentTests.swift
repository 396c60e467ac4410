import Commerce
import Foundation
import Ledger
import Money
@testable import Services
import Storage
import TestSupport
import Testing

/// Paying order groups through the sandbox channels, on both stores.
@Suite("Payments")
struct PaymentTests {
    struct Crash: Error {}

    /// A shop with one buyer whose cart holds one demo SKU, quoted and placed.
    struct Fixture {
        let store: any Store
        let consumer: Consumer
        let groupID: String
        let orderIDs: [String]
        let bank: SandboxChannel
        let partner: SandboxChannel
        var payments: PaymentService

        static let secret = "partner-secret"

        init(_ store: any Store, buyer n: Int = 1, sku: String = "pp-nuts-1", scenario: Int64? = nil) async throws {
            self.store = store
            try await DemoLoader.loadIfAbsent(into: store, at: Date())
            let accounts = AccountService(store: store, cipher: CheckoutTests.cipher, bcryptCost: 4)
            let (consumer, address) = try await CheckoutTests().buyer(accounts, n)
            let checkout = CheckoutService(store: store, rates: RateService(store: store, maxAge: 3600))
            try await checkout.setCartLine(sku, quantity: 1, for: consumer, at: Date())
            let quote = try await checkout.quote(for: consumer, addressID: address.id, at: Date())
            let placed = try await checkout.placing(quote.id, for: consumer, at: Date())
            try await store.apply(placed.changes)
            self.consumer = consumer
            groupID = placed.groupID
            orderIDs = placed.orderIDs
            var bank = SandboxChannel(kind: .directBank, name: "bank", store: store)
            var partner = SandboxChannel(kind: .partner, name: "partner", store: store, settleAfter: 5, callbackSecret: Self.secret)
            if let scenario {
                bank.scenario = { _ in scenario }
                partner.scenario = { _ in scenario }
            }
            self.bank = bank
            self.partner = partner
            payments = PaymentService(store: store, channels: PaymentChannels([bank, partner]), health: ChannelHealth(),
                                      cipher: CheckoutTests.cipher)
            payments.callbackSecrets = ["partner": Self.secret]
        }

        /// Pays as the API does: the decision's changes committed.
        func pay(key: String = "k1", channel: String? = "bank", payer: String? = nil, at now: Date = Date()) async throws -> PaymentView {
            let (changes, payment) = try await payments.pay(groupID: groupID, consumer: consumer, preferred: channel, payerIDNumber: payer,
                                                            key: key, at: now)
            try await store.apply(changes)
            return payment
        }

        func statuses() async throws -> [OrderStatus] {
            try await OrderService(store: store).orders(of: consumer).map(\.status)
        }

        func charges() async throws -> Int64 {
            try await store.read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM sandbox_channel_records WHERE kind = 'charge' AND status = 'succeeded'"))
                .first?.integer("n") ?? 0
        }

        func checkBooks() async throws {
            let report = try await LedgerCheck(store: store).run()
            #expect(report.problems.isEmpty, "\(report.problems)")
        }

        /// Each order's escrow holds what the buyer paid for it.
        func escrow(_ orderID: String) async throws -> Int64 {
            let balances = try await LedgerService(store: store).balances(of: [Books.escrow(orderID).id])
            let balance = balances[Books.escrow(orderID).id] ?? Balance()
            return balance.creditsPosted - balance.debitsPosted
        }
    }

    @Test("a direct bank payment pays the group and puts each order's total in its escrow", arguments: StoreKind.allCases)
    func directBank(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await Fixture(store)
            let payment = try await shop.pay()
            #expect(payment.status == .succeeded)
            #expect(try await shop.statuses() == [.paid])
            let order = try #require(try await OrderService(store: store).order(shop.orderIDs[0], of: shop.consumer))
            #expect(try await shop.escrow(order.id) == order.total.minorUnits)
            #expect(payment.amount == order.total)
            // A replay with the same key is the same payment: no second charge.
            let again = try await shop.pay()
            #expect(again.id == payment.id && again.status == .succeeded)
            #expect(try await shop.charges() == 1)
            await #expect(throws: IdempotencyError.keyReused("k1")) { try await shop.pay(channel: "partner") }
            await #expect(throws: PaymentError.notPayable(orderID: order.id, status: .paid)) { try await shop.pay(key: "k2") }
            try await shop.checkBooks()
        }
    }

    @Test("a timeout after the debit is settled by asking the bank: paid once, booked once", arguments: StoreKind.allCases)
    func timeoutAfterDebit(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await Fixture(store, scenario: 13)
            #expect(try await shop.pay().status == .unknown)
            #expect(try await shop.statuses() == [.created], "an unknown outcome is not guessed")
            await #expect(throws: StoreError.self) {
                try await OrderService(store: store).transition(shop.orderIDs[0], to: .cancelled, by: .system, at: Date())
            }
            #expect(try await shop.payments.recover(at: Date(), olderThan: 0) == 1)
            #expect(try await shop.statuses() == [.paid])
            #expect(try await shop.payments.recover(at: Date(), olderThan: 0) == 0)
            #expect(try await shop.charges() == 1)
            try await shop.checkBooks()
        }
    }

    @Test("a timeout before the debit fails the payment; the buyer can pay again", arguments: StoreKind.allCases)
    func timeoutBeforeDebit(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            var shop = try await Fixture(store, scenario: 14)
            #expect(try await shop.pay().status == .unknown)
            #expect(try await shop.payments.recover(at: Date(), olderThan: 0) == 1)
            #expect(try await PaymentRecords.payment(PaymentService.paymentID(consumerID: shop.consumer.id, key: "k1"), in: store)?.status == .failed)
            #expect(try await shop.statuses() == [.created])
            shop.payments = PaymentService(store: store, channels: PaymentChannels([SandboxChannel(kind: .directBank, name: "bank", store: store)]),
                                           health: ChannelHealth(), cipher: CheckoutTests.cipher)
            #expect(try await shop.pay(key: "k2").status == .succeeded)
            #expect(try await shop.charges() == 1)
            try await shop.checkBooks()
        }
    }

    @Test("stopped between the channel's debit and the booking, recovery leaves no money missing or doubled", arguments: StoreKind.allCases)
    func crashBetweenDebitAndBooking(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            var shop = try await Fixture(store)
            var crashing = shop.payments
            crashing.checkpoint = { point in if point == "after-charge" { throw Crash() } }
            shop.payments = crashing
            await #expect(throws: Crash.self) { try await shop.pay() }
            #expect(try await shop.charges() == 1, "the bank took the money")
            #expect(try await store.read(SQL("SELECT id FROM ledger_transfers")).isEmpty, "and we booked nothing")
            // A new process: fresh services, nothing in memory from before.
            shop.payments = try await Fixture.restarted(store, like: shop)
            #expect(try await shop.payments.recover(at: Date(), olderThan: 0) == 1)
            // The buyer's retry with the same key finds the payment made.
            #expect(try await shop.pay().status == .succeeded)
            #expect(try await shop.charges() == 1)
            let channel = try await LedgerService(store: store).balances(of: [Books.channel("bank").id])[Books.channel("bank").id] ?? Balance()
            let order = try #require(try await OrderService(store: store).order(shop.orderIDs[0], of: shop.consumer))
            #expect(channel.debitsPosted == order.total.minorUnits, "booked exactly once")
            try await shop.checkBooks()
        }
    }

    @Test("a partner's callbacks: the outcome applies once, its duplicate and a late 'processing' change nothing", arguments: StoreKind.allCases)
    func partnerCallbacks(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await Fixture(store)
            let start = Date()
            #expect(try await shop.pay(channel: "partner", at: start).status == .processing)
            var applied: [Bool] = []
            let delivered = try await shop.partner.deliverDueCallbacks(at: start + 10) { timestamp, body, signature in
                applied.append(try await shop.payments.receiveCallback(channel: "partner", timestamp: timestamp, signature: signature,
                                                                        body: body, at: start + 10))
            }
            #expect(delivered == 3)
            #expect(applied == [true, false, false])
            #expect(try await shop.statuses() == [.paid])
            await #expect(throws: CallbackError.badSignature) {
                try await shop.payments.receiveCallback(channel: "partner", timestamp: "1", signature: "00", body: "{}", at: start)
            }
            let body = #"{"eventId":"x","paymentId":"p","reference":"r","status":"succeeded"}"#
            let old = String(Int64(start.timeIntervalSince1970) - 3600)
            await #expect(throws: CallbackError.stale(seconds: 3600)) {
                try await shop.payments.receiveCallback(channel: "partner", timestamp: old,
                                                        signature: CallbackSignature.sign(timestamp: old, body: body, secret: Fixture.secret),
                                                        body: body, at: Date(timeIntervalSince1970: TimeInterval(Int64(start.timeIntervalSince1970))))
            }
            try await shop.checkBooks()
        }
    }

    @Test("cancelling one order of a group leaves the rest payable, for what they cost", arguments: StoreKind.allCases)
    func groupWithACancelledOrder(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            try await DemoLoader.loadIfAbsent(into: store, at: Date())
            let accounts = AccountService(store: store, cipher: CheckoutTests.cipher, bcryptCost: 4)
            let (consumer, address) = try await CheckoutTests().buyer(accounts, 7)
            let checkout = CheckoutService(store: store, rates: RateService(store: store, maxAge: 3600))
            try await checkout.setCartLine("pp-nuts-1", quantity: 1, for: consumer, at: Date())
            try await checkout.setCartLine("sd-serum-1", quantity: 1, for: consumer, at: Date())
            let placed = try await checkout.placing(try await checkout.quote(for: consumer, addressID: address.id, at: Date()).id,
                                                    for: consumer, at: Date())
            try await store.apply(placed.changes)
            let orders = OrderService(store: store)
            try await orders.transition(placed.orderIDs[0], to: .cancelled, by: .buyer(consumer.id), at: Date())
            let kept = try #require(try await orders.order(placed.orderIDs[1]))
            var bank = SandboxChannel(kind: .directBank, name: "bank", store: store)
            bank.scenario = { _ in 0 }  // the bank charges whatever the amount's last digits
            let payments = PaymentService(store: store, channels: PaymentChannels([bank]), health: ChannelHealth(), cipher: CheckoutTests.cipher)
            let (changes, payment) = try await payments.pay(groupID: placed.groupID, consumer: consumer, preferred: "bank",
                                                            payerIDNumber: nil, key: "k-group", at: Date())
            try await store.apply(changes)
            #expect(payment.status == .succeeded && payment.amount == kept.total)
            #expect(try await orders.order(placed.orderIDs[0])?.status == .cancelled)
            #expect(try await orders.order(placed.orderIDs[1])?.status == .paid)
            #expect(try await LedgerCheck(store: store).run().problems.isEmpty)
            #expect(try await OrderBooksCheck(store: store).run().isEmpty)
        }
    }

    @Test("an unavailable channel falls back to the next; a declined payment pays nothing", arguments: [StoreKind.sqlite])
    func fallbackAndDecline(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            var shop = try await Fixture(store)
            var down = SandboxChannel(kind: .directBank, name: "bank", store: store)
            down.scenario = { _ in 99 }
            shop.payments = PaymentService(store: store, channels: PaymentChannels([down, shop.partner]), health: ChannelHealth(),
                                           cipher: CheckoutTests.cipher)
            let payment = try await shop.pay()
            #expect(payment.channel == "partner" && payment.status == .processing)
            let declined = try await Fixture(store, buyer: 2, scenario: 51)
            let refused = try await declined.pay()
            #expect(refused.status == .failed && refused.failure == "insufficient funds")
            #expect(try await declined.statuses() == [.created])
        }
    }

    @Test("the payer must be the buyer", arguments: [StoreKind.sqlite])
    func payerIsBuyer(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await Fixture(store, buyer: 3)
            await #expect(throws: PaymentError.payerIsNotBuyer) { try await shop.pay(payer: CheckoutTests.idNumber(4)) }
            #expect(try await shop.pay(key: "k2", payer: CheckoutTests.idNumber(3)).status == .succeeded)
        }
    }

    @Test("the identity is checked again at payment: orders placed under another number are not paid", arguments: [StoreKind.sqlite])
    func identityCheckedAtPayment(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await Fixture(store, buyer: 5)
            _ = try await IdentityService(store: store, cipher: CheckoutTests.cipher, checker: SandboxIdentityChecker(delay: .zero))
                .enrol(shop.consumer, name: "王小明", idNumber: CheckoutTests.idNumber(6), mobile: "13800138000", at: Date())
            await #expect(throws: PaymentError.identityChanged) { try await shop.pay() }
            #expect(try await shop.charges() == 0)
        }
    }

    @Test("two payments of one group at once: one goes through, the other is refused", arguments: StoreKind.allCases)
    func onePaymentPerGroup(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await Fixture(store)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for key in ["a", "b"] {
                    group.addTask { (try? await shop.pay(key: key)) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await shop.charges() == 1)
        }
    }
}

extension PaymentTests.Fixture {
    static func restarted(_ store: any Store, like shop: PaymentTests.Fixture) async throws -> PaymentService {
        var payments = PaymentService(
            store: store, channels: PaymentChannels([SandboxChannel(kind: .directBank, name: "bank", store: store), shop.partner]),
            health: ChannelHealth(), cipher: CheckoutTests.cipher)
        payments.callbackSecrets = ["partner": secret]
        return payments
    }
}
