import Commerce
import Foundation
import Money
@testable import Services
import Storage
import TestSupport
import Testing

/// Buy now places the orders and records the payment's intent in one commit: after any
/// failure there are both or neither, and a retry with the same key finishes the purchase.
@Suite("Buy now")
struct BuyNowTests {
    struct Crash: Error {}

    struct Shop {
        let store: any Store
        let consumer: Consumer
        let addressID: String
        let checkout: CheckoutService

        init(_ store: any Store) async throws {
            self.store = store
            try await DemoLoader.loadIfAbsent(into: store, at: Date())
            let (consumer, address) = try await CheckoutTests().buyer(AccountService(store: store, cipher: CheckoutTests.cipher, bcryptCost: 4), 1)
            self.consumer = consumer
            addressID = address.id
            checkout = CheckoutService(store: store, rates: RateService(store: store, maxAge: 3600))
        }

        func service(checkpoint: @escaping @Sendable (String) async throws -> Void = { _ in }) -> BuyNowService {
            var payments = PaymentService(store: store, channels: PaymentChannels([SandboxChannel(kind: .directBank, name: "bank", store: store)]),
                                          health: ChannelHealth(), cipher: CheckoutTests.cipher)
            payments.checkpoint = checkpoint
            return BuyNowService(store: store, checkout: checkout, payments: payments)
        }

        /// Buys as the API does: the booking committed with the call.
        func buy(_ skuID: String = "pp-nuts-1", quantity: Int64 = 1, channel: String? = "bank", key: String,
                 with service: BuyNowService? = nil) async throws -> BuyNowService.Bought {
            let (changes, bought) = try await (service ?? self.service()).buy(skuID, quantity: quantity, addressID: addressID, channel: channel,
                                                                              for: consumer, key: key, at: Date())
            try await store.apply(changes)
            return bought
        }

        func count(_ table: String) async throws -> Int64 {
            try await store.read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM \(table) WHERE consumer_id = ?", bind: consumer.id))
                .first?.integer("n") ?? 0
        }

        func reserved(_ skuID: String) async throws -> Int64 {
            try await store.read(SQL("SELECT reserved FROM skus WHERE id = ?", bind: skuID)).first?.integer("reserved") ?? -1
        }

        func unitPrice(of bought: BuyNowService.Bought) async throws -> Int64 {
            try await store.read(SQL("SELECT unit_price_minor FROM order_lines WHERE order_id = ?", bind: bought.orderIDs[0]))
                .first?.integer("unit_price_minor") ?? -1
        }
    }

    /// Counts the reads whose statement contains `marker` (by default those that load a SKU's
    /// listing: its merchant, product and SKUs).
    final class ListingReads: Store, @unchecked Sendable {
        let base: any Store
        let marker: String
        private let lock = NSLock()
        private var seen = 0

        init(_ base: any Store, marker: String = "JOIN merchants m") {
            self.base = base
            self.marker = marker
        }

        var count: Int { lock.withLock { seen } }
        var kind: StoreKind { base.kind }
        func read(_ sql: SQL) async throws -> [Row] {
            if sql.text.contains(marker) { lock.withLock { seen += 1 } }
            return try await base.read(sql)
        }
        func apply(_ changes: [Change]) async throws { try await base.apply(changes) }
        func applyEach(_ units: [[Change]]) async throws -> [(any Error)?] { try await base.applyEach(units) }
        func migrate() async throws -> [Int] { try await base.migrate() }
        func schemaVersion() async throws -> Int { try await base.schemaVersion() }
        func close() async { await base.close() }
    }

    @Test("buy now reads a SKU's listing once, then prices from memory", arguments: StoreKind.allCases)
    func listingFromMemory(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let reads = ListingReads(store)
            let shop = try await Shop(reads)
            let service = shop.service()
            for key in ["k1", "k2", "k3"] { _ = try await shop.buy(key: key, with: service) }
            #expect(reads.count == 1)
            #expect(try await shop.count("orders") == 3)
        }
    }

    @Test("a price the merchant changed after buy now remembered the SKU is the price the next order pays", arguments: StoreKind.allCases)
    func changedPrice(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await Shop(store)
            let service = shop.service()
            let first = try await shop.buy(key: "k1", with: service)
            let merchant = try #require(try await CatalogService(store: store).sku("pp-nuts-1")).merchant
            let catalog = MerchantCatalogService(store: store, rates: RateService(store: store, maxAge: 3600))
            let changed = try await catalog.updateSKU("pp-nuts-1", price: "23.45", stock: nil, for: merchant, at: Date())
            #expect(try await shop.unitPrice(of: first) != changed.price.minorUnits)
            let second = try await shop.buy(key: "k2", with: service)
            #expect(try await shop.unitPrice(of: second) == changed.price.minorUnits)
            #expect(try await OrderBooksCheck(store: store).run().isEmpty)
        }
    }

    @Test("a SKU remembered as sold out is sold again once restocked", arguments: StoreKind.allCases)
    func restocked(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await Shop(store)
            let service = shop.service()
            _ = try await shop.buy(key: "k1", with: service)
            try await store.apply([.write(SQL("UPDATE skus SET on_hand = reserved WHERE id = 'pp-nuts-1'"))])
            await #expect(throws: CheckoutError.self) { try await shop.buy(key: "k2", with: service) }
            // Stock changes keep the row's revision: only the remembered stock is behind.
            try await store.apply([.write(SQL("UPDATE skus SET on_hand = on_hand + 5 WHERE id = 'pp-nuts-1'"))])
            let bought = try await shop.buy(key: "k3", with: service)
            #expect(bought.payment.status == .succeeded)
            #expect(try await shop.count("orders") == 2)
        }
    }

    @Test("a crash after the intent leaves the order and the payment together, and the retry pays it once", arguments: StoreKind.allCases)
    func crashAfterIntent(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await Shop(store)
            let crashing = shop.service { point in if point == "after-intent" { throw Crash() } }
            await #expect(throws: Crash.self) { try await shop.buy(key: "k1", with: crashing) }
            #expect(try await shop.count("orders") == 1)
            #expect(try await shop.count("payments") == 1, "the intent committed with the order")
            let bought = try await shop.buy(key: "k1")
            #expect(bought.payment.status == .succeeded)
            #expect(try await shop.count("orders") == 1, "the retry placed nothing more")
            #expect(try await OrderService(store: store).orders(of: shop.consumer).map(\.status) == [.paid])
            #expect(try await LedgerCheck(store: store).run().problems.isEmpty)
        }
    }

    @Test("a refused purchase leaves neither order nor payment, nor stock or allowance held", arguments: StoreKind.allCases)
    func refusedLeavesNothing(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await Shop(store)
            let before = try await shop.reserved("pp-nuts-1")
            await #expect(throws: PaymentError.unknownChannel("cash")) { try await shop.buy(channel: "cash", key: "k1") }
            // The intent's insert is refused at commit (a payment already holds the id the key
            // names): the orders placed in the same unit must go with it.
            try await store.apply([.write(SQL(
                """
                INSERT INTO payments (id, group_id, consumer_id, channel, amount_cny, status, request_hash, created_at, updated_at)
                VALUES (?, 'g-elsewhere', ?, 'bank', 1, 'initiated', 'x', 0, 0)
                """, bind: PaymentService.paymentID(consumerID: shop.consumer.id, key: "k2"), shop.consumer.id))])
            await #expect(throws: PaymentError.self) { try await shop.buy(key: "k2") }
            #expect(try await shop.count("orders") == 0)
            #expect(try await shop.count("payments") == 1, "only the one planted")
            #expect(try await shop.reserved("pp-nuts-1") == before)
            #expect(try await OrderBooksCheck(store: store).run().isEmpty)
        }
    }

    @Test("buy now reads the buyer's identity, addresses and allowance once, then decides from memory", arguments: StoreKind.allCases)
    func buyerFromMemory(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let reads = ListingReads(store, marker: "FROM buyer_identities")
            let shop = try await Shop(reads)
            let service = shop.service()
            let before = reads.count
            for key in ["k1", "k2", "k3"] { _ = try await shop.buy(key: key, with: service) }
            #expect(reads.count - before == 1)
            #expect(try await shop.count("orders") == 3)
            #expect(try await OrderBooksCheck(store: store).run().isEmpty)
        }
    }

    @Test("an address removed after buy now remembered the buyer is refused, and nothing is placed", arguments: StoreKind.allCases)
    func removedAddress(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await Shop(store)
            let service = shop.service()
            _ = try await shop.buy(key: "k1", with: service)
            try await store.apply([.write(SQL("DELETE FROM addresses WHERE id = ?", bind: shop.addressID))])
            await #expect(throws: AccountFailure.notFound) { try await shop.buy(key: "k2", with: service) }
            #expect(try await shop.count("orders") == 1)
            #expect(try await OrderBooksCheck(store: store).run().isEmpty)
        }
    }

    @Test("a buyer enrolled again under another identity is counted against the new one, though memory had the old", arguments: StoreKind.allCases)
    func identityChanged(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await Shop(store)
            let service = shop.service()
            _ = try await shop.buy(key: "k1", with: service)
            let other = CheckoutTests.cipher.fingerprint("11010519491231002X")
            try await store.apply([.write(SQL("UPDATE buyer_identities SET id_fingerprint = ? WHERE consumer_id = ?", bind: other, shop.consumer.id))])
            let bought = try await shop.buy(key: "k2", with: service)
            let counted = try await store.read(SQL("SELECT id_fingerprint FROM orders WHERE id = ?", bind: bought.orderIDs[0]))
            #expect(try counted.first?.text("id_fingerprint") == other)
            let allowance = try await store.read(SQL("SELECT used_fen FROM import_allowances WHERE id_fingerprint = ?", bind: other))
            #expect(try allowance.first?.integer("used_fen") ?? 0 > 0)
            #expect(try await OrderBooksCheck(store: store).run().isEmpty)
        }
    }

    @Test("the allowance decides on the rows: used up elsewhere it refuses, given back elsewhere it sells", arguments: StoreKind.allCases)
    func allowanceOnTheRows(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await Shop(store)
            let service = shop.service()
            _ = try await shop.buy(key: "k1", with: service)
            let limit = try ImportAllowance.on(Day(beijing: Date()), used: .zero(.CNY)).limit
            // Another process used up the year's allowance: memory still has the first order only.
            try await store.apply([.write(SQL("UPDATE import_allowances SET used_fen = ?", bind: limit.minorUnits))])
            await #expect {
                try await shop.buy(key: "k2", with: service)
            } throws: { error in
                guard case CheckoutError.annualLimit = error else { return false }
                return true
            }
            #expect(try await shop.count("orders") == 1)
            // And then gave it back: memory (read at the refusal) says used up; the rows do not.
            try await store.apply([.write(SQL("UPDATE import_allowances SET used_fen = 0"))])
            let bought = try await shop.buy(key: "k3", with: service)
            #expect(bought.payment.status == .succeeded)
        }
    }
}
