import Commerce
import Foundation
import Money
@testable import Services
import Storage
import TestSupport
import Testing

@Suite("Accounts, cart, quote and orders")
struct CheckoutTests {
    static let cipher = try! FieldCipher(base64Key: FieldCipher.newKey())  // safe: a fresh key is always 32 bytes

    func withShop(_ kind: StoreKind, _ body: @escaping (any Store, AccountService, CheckoutService, OrderService) async throws -> Void)
        async throws {
        try await withTestStore(kind) { store in
            try await DemoLoader.loadIfAbsent(into: store, at: Date())
            let rates = RateService(store: store, maxAge: 3600)
            try await body(store, AccountService(store: store, cipher: Self.cipher, bcryptCost: 4),
                           CheckoutService(store: store, rates: rates), OrderService(store: store))
        }
    }

    /// A valid identity number for buyer `n`, its check character computed by the rule.
    static func idNumber(_ n: Int) -> String {
        let body = Array("310115" + "19900101" + String(format: "%03d", n % 997))
        return String(body) + String(ResidentIDNumber.checkCharacter(for: body[...]))
    }

    func identities(_ store: any Store) -> IdentityService {
        IdentityService(store: store, cipher: Self.cipher, checker: SandboxIdentityChecker(delay: .zero))
    }

    func buyer(_ accounts: AccountService, _ n: Int) async throws -> (Consumer, SavedAddress) {
        let consumer = try await accounts.signUp(email: "buyer\(n)@example.cn", password: "correct horse \(n)", displayName: "", at: Date())
        _ = try await IdentityService(store: accounts.store, cipher: Self.cipher, checker: SandboxIdentityChecker(delay: .zero))
            .enrol(consumer, name: "王小明", idNumber: Self.idNumber(n), mobile: "13800138000", at: Date())
        let address = try await accounts.addAddress(
            DeliveryAddress(province: "上海市", city: "上海市", district: "浦东新区", street: "世纪大道100号", recipient: "王小明",
                            mobile: "138 0013 \(String(format: "%04d", n))"), for: consumer, at: Date())
        return (consumer, address)
    }

    @Test("sign-up, sign-in and sessions; passwords and mobile numbers are never stored in the clear", arguments: StoreKind.allCases)
    func accounts(kind: StoreKind) async throws {
        try await withShop(kind) { store, accounts, _, _ in
            let (consumer, address) = try await buyer(accounts, 1)
            #expect(address.mobileMasked == "138****0001")
            await #expect(throws: AccountFailure.emailTaken) {
                try await accounts.signUp(email: "BUYER1@example.cn", password: "another password", displayName: "", at: Date())
            }
            await #expect(throws: AccountFailure.wrongCredentials) {
                try await accounts.signIn(email: "buyer1@example.cn", password: "wrong password!", at: Date())
            }
            let (signedIn, token) = try await accounts.signIn(email: "buyer1@example.cn", password: "correct horse 1", at: Date())
            #expect(signedIn == consumer)
            #expect(try await accounts.consumer(forSession: token, at: Date()) == consumer)
            #expect(try await accounts.consumer(forSession: token, at: Date() + AccountService.sessionLifetime + 1) == nil)
            try await accounts.signOut(token: token)
            #expect(try await accounts.consumer(forSession: token, at: Date()) == nil)
            let stored = try await store.read(SQL("SELECT c.password_hash, a.mobile_sealed FROM consumers c JOIN addresses a ON a.consumer_id = c.id"))
            let row = try #require(stored.first)
            #expect(try row.text("password_hash").hasPrefix("$2"))
            // An unknown address is checked against a hash of the same cost ("$2b$04$…"), so it takes as long.
            let standIn = await PasswordHashing.standIn(cost: accounts.bcryptCost)
            #expect(standIn.prefix(7) == (try row.text("password_hash")).prefix(7))
            let (again, _) = try await accounts.signIn(email: " \u{200B}BUYER1@ｅxample.cn\t", password: "correct horse 1", at: Date())
            #expect(again == consumer, "one address however it is written")
            #expect(!(try row.text("mobile_sealed")).contains("13800130001"))
            #expect(try await accounts.address(address.id, of: consumer).mobile == "13800130001")
            let saved = try #require(try await store.read(SQL("SELECT * FROM addresses WHERE id = ?", bind: address.id)).first)
            for column in ["recipient", "street", "recipient_sealed", "street_sealed", "recipient_masked"] {
                let stored = try saved.optionalText(column) ?? ""
                #expect(!stored.contains(address.recipient) && !stored.contains(address.street), "\(column) holds the name or street")
            }
            #expect(try await accounts.addresses(of: consumer).first == address, "the buyer reads them back opened")

            // A row from before names were sealed is sealed at start, once.
            try await store.apply([.write(SQL(
                """
                INSERT INTO addresses (id, consumer_id, province, city, district, street, recipient, mobile_sealed, mobile_masked, created_at)
                VALUES ('a-legacy', ?, '上海市', '上海市', '浦东新区', '世纪大道100号', '李四', ?, '138****0009', 0)
                """, bind: consumer.id, try CheckoutTests.cipher.seal("13800130009")))])
            let sealing = PersonalDataSealing(store: store, cipher: CheckoutTests.cipher)
            #expect(try await sealing.sealLegacyRows() == 1)
            #expect(try await sealing.sealLegacyRows() == 0)
            let legacy = try #require(try await store.read(SQL("SELECT * FROM addresses WHERE id = 'a-legacy'")).first)
            #expect(try legacy.text("street").isEmpty && legacy.text("recipient").isEmpty && legacy.text("recipient_masked") == "李*")
            #expect(try await accounts.addresses(of: consumer).contains { $0.street == "世纪大道100号" && $0.recipient == "李四" })
            let sessions = try await store.read(SQL("SELECT token_hash FROM sessions"))
            #expect(sessions.allSatisfy { (try? $0.text("token_hash")) != token })
        }
    }

    @Test("checkout splits the cart into one order per merchant, priced as quoted", arguments: StoreKind.allCases)
    func splitsByMerchant(kind: StoreKind) async throws {
        try await withShop(kind) { _, accounts, checkout, orders in
            let (consumer, address) = try await buyer(accounts, 2)
            try await checkout.setCartLine("pp-nuts-1", quantity: 2, for: consumer, at: Date())
            try await checkout.setCartLine("sd-serum-1", quantity: 1, for: consumer, at: Date())
            let quote = try await checkout.quote(for: consumer, addressID: address.id, at: Date())
            #expect(quote.parcels.map(\.merchantID) == ["m-pacific-pantry", "m-seoul-dew"])
            let ids = try await checkout.place(quote.id, for: consumer, at: Date())
            #expect(ids.count == 2)
            let placed = try await orders.orders(of: consumer)
            #expect(Set(placed.map(\.merchantID)) == ["m-pacific-pantry", "m-seoul-dew"])
            #expect(placed.reduce(0) { $0 + $1.total.minorUnits } == quote.total.minorUnits)
            #expect(placed.allSatisfy { $0.status == .created && $0.events.map(\.to) == [.created] })
            #expect(placed.allSatisfy { $0.deliverTo.contains("138****0002") && !$0.deliverTo.contains("13800130002") })
            #expect(try await checkout.cart(of: consumer).isEmpty)
            await #expect(throws: StoreError.conflict("this quote has already been ordered, or the cart was ordered with a newer quote")) {
                try await checkout.place(quote.id, for: consumer, at: Date())
            }
        }
    }

    @Test("an older quote of a cart already ordered places nothing: the goods are ordered once", arguments: StoreKind.allCases)
    func olderQuoteOfAnOrderedCart(kind: StoreKind) async throws {
        try await withShop(kind) { store, accounts, checkout, orders in
            let (consumer, address) = try await buyer(accounts, 5)
            try await checkout.setCartLine("pp-nuts-1", quantity: 2, for: consumer, at: Date())
            let older = try await checkout.quote(for: consumer, addressID: address.id, at: Date())
            let newer = try await checkout.quote(for: consumer, addressID: address.id, at: Date())
            #expect(try await checkout.place(newer.id, for: consumer, at: Date()).count == 1)
            await #expect(throws: StoreError.self) { try await checkout.place(older.id, for: consumer, at: Date()) }
            #expect(try await orders.orders(of: consumer).count == 1)
            #expect(try await store.read(SQL("SELECT reserved FROM skus WHERE id = 'pp-nuts-1'")).first?.integer("reserved") == 2)
        }
    }

    /// Out of the box the Swiss store's watches can be bought: each is one item above the
    /// per-transaction limit, taxed in full with its shipped tariff line; only the one at
    /// 10,000 CNY or more carries consumption tax, and the cosmetics carry none at a few yuan a ml.
    @Test("the demo watches quote at general-trade rates from the shipped tariff lines; cheap cosmetics carry no consumption tax",
          arguments: [StoreKind.sqlite])
    func demoGoodsQuote(kind: StoreKind) async throws {
        try await withShop(kind) { _, accounts, checkout, _ in
            let (consumer, address) = try await buyer(accounts, 6)
            for (sku, tariff, taxed) in [("hv-classic-1", "0.11", true), ("hv-field-1", "0.10", false)] {
                try await checkout.setCartLine(sku, quantity: 1, for: consumer, at: Date())
                let line = try #require(try await checkout.quote(for: consumer, addressID: address.id, at: Date()).parcels.first?.lines.first)
                let dutiable = line.tax.dutiableValue.minorUnits
                let rate = try ExactDecimal(parsing: tariff)
                #expect(Int128(line.tax.tariff.minorUnits) == Rounding.halfUp.divide(Int128(dutiable) * Int128(rate.mantissa), by: 100), "\(sku)")
                #expect(line.tax.consumptionTax.isZero == !taxed, "\(sku)")
                try await checkout.setCartLine(sku, quantity: 0, for: consumer, at: Date())
            }
            try await checkout.setCartLine("sd-sunscreen-1", quantity: 1, for: consumer, at: Date())
            let sunscreen = try #require(try await checkout.quote(for: consumer, addressID: address.id, at: Date()).parcels.first?.lines.first)
            #expect(sunscreen.tax.consumptionTax.isZero && !sunscreen.tax.vat.isZero)
        }
    }

    @Test("an expired quote must be made again", arguments: StoreKind.allCases)
    func expiredQuote(kind: StoreKind) async throws {
        try await withShop(kind) { _, accounts, checkout, _ in
            let (consumer, address) = try await buyer(accounts, 3)
            try await checkout.setCartLine("pp-nuts-1", quantity: 1, for: consumer, at: Date())
            let quote = try await checkout.quote(for: consumer, addressID: address.id, at: Date())
            await #expect {
                try await checkout.place(quote.id, for: consumer, at: quote.expiresAt + 1)
            } throws: { error in
                guard case CheckoutError.quoteExpired(let at) = error else { return false }
                return abs(at.timeIntervalSince(quote.expiresAt)) < 0.001
            }
        }
    }

    @Test("many buyers at once for the last units never oversell", arguments: StoreKind.allCases)
    func noOversell(kind: StoreKind) async throws {
        try await withShop(kind) { store, accounts, checkout, _ in
            try await store.apply([.write(SQL("UPDATE skus SET on_hand = 5 WHERE id = 'sd-serum-1'"))])
            var buyers: [(Consumer, String)] = []
            for n in 0..<16 {
                let (consumer, address) = try await buyer(accounts, 100 + n)
                try await checkout.setCartLine("sd-serum-1", quantity: 1, for: consumer, at: Date())
                buyers.append((consumer, try await checkout.quote(for: consumer, addressID: address.id, at: Date()).id))
            }
            let placed = await withTaskGroup(of: Bool.self) { group in
                for (consumer, quoteID) in buyers {
                    group.addTask { (try? await checkout.place(quoteID, for: consumer, at: Date())) != nil }
                }
                return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(placed == 5)
            let sku = try await store.read(SQL("SELECT on_hand, reserved FROM skus WHERE id = 'sd-serum-1'"))
            #expect(try sku.first?.integer("reserved") == 5)
            let lines = try await store.read(SQL("SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) AS n FROM order_lines WHERE sku_id = 'sd-serum-1'"))
            #expect(try lines.first?.integer("n") == 5)
        }
    }

    @Test("an order moves only as its states allow; cancelling or expiry gives stock back", arguments: StoreKind.allCases)
    func stateMachine(kind: StoreKind) async throws {
        try await withShop(kind) { store, accounts, checkout, orders in
            let (consumer, address) = try await buyer(accounts, 4)
            func reserved() async throws -> Int64 {
                try await store.read(SQL("SELECT reserved FROM skus WHERE id = 'pp-nuts-1'")).first?.integer("reserved") ?? -1
            }
            try await checkout.setCartLine("pp-nuts-1", quantity: 3, for: consumer, at: Date())
            let first = try await checkout.place(try await checkout.quote(for: consumer, addressID: address.id, at: Date()).id,
                                                 for: consumer, at: Date())[0]
            #expect(try await reserved() == 3)
            await #expect(throws: OrderError.impossibleTransition(from: .created, to: .shipped)) {
                try await orders.transition(first, to: .shipped, by: .system, at: Date())
            }
            try await orders.transition(first, to: .cancelled, by: .buyer(consumer.id), at: Date(), note: "changed my mind")
            #expect(try await reserved() == 0)
            let view = try #require(try await orders.order(first, of: consumer))
            #expect(view.events.map(\.to) == [.created, .cancelled] && view.events.last?.actor == .buyer(consumer.id))
            try await checkout.setCartLine("pp-nuts-1", quantity: 2, for: consumer, at: Date())
            let quote = try await checkout.quote(for: consumer, addressID: address.id, at: Date())
            let second = try await checkout.place(quote.id, for: consumer, at: Date())[0]
            #expect(try await orders.expireUnpaid(at: Date()) == 0)
            #expect(try await orders.expireUnpaid(at: Date() + checkout.payWithin + 1) == 1)
            #expect(try await orders.order(second, of: consumer)?.status == .cancelled)
            #expect(try await reserved() == 0)
        }
    }

    @Test("identities are checked, sealed and shown masked; a mismatch is not pre-approved", arguments: StoreKind.allCases)
    func identity(kind: StoreKind) async throws {
        try await withShop(kind) { store, accounts, _, _ in
            let consumer = try await accounts.signUp(email: "id@example.cn", password: "correct horse id", displayName: "", at: Date())
            let service = identities(store)
            await #expect(throws: AccountError.self) {
                try await service.enrol(consumer, name: "王小明", idNumber: "110105194912310021", mobile: "13800138000", at: Date())
            }
            let verified = try await service.enrol(consumer, name: "王小明", idNumber: "11010519491231002X", mobile: "13800138000", at: Date())
            #expect(verified.isPreApproved && verified.idMasked == "1101**********002X" && verified.nameMasked == "王*明")
            let stored = try await store.read(SQL("SELECT * FROM buyer_identities"))
            let row = try #require(stored.first)
            for column in row.columns {
                if case .text(let value) = row[column] {
                    #expect(!value.contains("11010519491231002X") && !value.contains("王小明") && !value.contains("13800138000"), "\(column)")
                }
            }
            let body = Array("11010519491231" + "999")
            let mismatch = String(body) + String(ResidentIDNumber.checkCharacter(for: body[...]))
            let refused = try await service.enrol(consumer, name: "王小明", idNumber: mismatch, mobile: "13800138000", at: Date())
            #expect(refused.status == .mismatch && !refused.isPreApproved)
        }
    }

    @Test("two checkouts at once by one buyer can never both slip under the annual limit", arguments: StoreKind.allCases)
    func annualLimitRace(kind: StoreKind) async throws {
        try await withShop(kind) { store, accounts, checkout, orders in
            let (consumer, address) = try await buyer(accounts, 7)
            let fingerprint = Self.cipher.fingerprint(Self.idNumber(7))
            let year = Day(beijing: Date()).year
            let annual = try #require(CustomsRules.limits(on: Day(beijing: Date()))).annual
            // 3,000 yuan left: room for one leather tote (about 2,700 with freight), not two.
            try await store.apply([.write(SQL("INSERT INTO import_allowances (id_fingerprint, year, used_fen) VALUES (?, ?, ?)",
                                              bind: fingerprint, year, annual.minorUnits - 300_000))])
            try await checkout.setCartLine("ba-tote-1", quantity: 1, for: consumer, at: Date())
            let first = try await checkout.quote(for: consumer, addressID: address.id, at: Date())
            let second = try await checkout.quote(for: consumer, addressID: address.id, at: Date())
            let placed = await withTaskGroup(of: [String].self) { group in
                for quote in [first, second] {
                    group.addTask { (try? await checkout.place(quote.id, for: consumer, at: Date())) ?? [] }
                }
                return await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(placed.count == 1)
            let used = try await identities(store).allowance(of: consumer, at: Date())
            #expect(used?.used.minorUnits == annual.minorUnits - 300_000 + first.allowanceValue.minorUnits)
            await #expect(throws: CheckoutError.self) { try await checkout.quote(for: consumer, addressID: address.id, at: Date()) }
            try await orders.transition(try #require(placed.first), to: .cancelled, by: .buyer(consumer.id), at: Date())
            #expect(try await identities(store).allowance(of: consumer, at: Date())?.used.minorUnits == annual.minorUnits - 300_000)
        }
    }

    @Test("no checkout without a real-name identity", arguments: [StoreKind.sqlite])
    func identityRequired(kind: StoreKind) async throws {
        try await withShop(kind) { _, accounts, checkout, _ in
            let consumer = try await accounts.signUp(email: "anon@example.cn", password: "correct horse anon", displayName: "", at: Date())
            let address = try await accounts.addAddress(
                DeliveryAddress(province: "上海市", city: "上海市", district: "浦东新区", street: "世纪大道1号", recipient: "王小明",
                                mobile: "13800138000"), for: consumer, at: Date())
            try await checkout.setCartLine("pp-nuts-1", quantity: 1, for: consumer, at: Date())
            await #expect(throws: CheckoutError.identityRequired) {
                try await checkout.quote(for: consumer, addressID: address.id, at: Date())
            }
        }
    }
}
