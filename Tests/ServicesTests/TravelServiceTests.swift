import Commerce
import Foundation
import Ledger
import Money
@testable import Services
import Storage
import TestSupport
import Testing

/// The wallet, the tills and tax-free refunds on both stores: every movement booked once, the
/// books balanced after each, codes that pay once, and refunds clawed back once.
@Suite("Travellers abroad: wallet, till and tax-free refunds")
struct TravelServiceTests {
    struct Fixture {
        let store: any Store
        let consumer: Consumer
        let travel: TravelPlatform
        let rates: RateService

        static let italy = "shop-arno-firenze"
        static let korea = "shop-seoul-dew-myeongdong"
        static let swiss = "shop-vallee-geneve"

        init(_ store: any Store, buyer n: Int = 1, verified: Bool = true) async throws {
            self.store = store
            try await DemoLoader.loadIfAbsent(into: store, at: Date())
            let accounts = AccountService(store: store, cipher: CheckoutTests.cipher, bcryptCost: 4)
            if verified {
                consumer = try await CheckoutTests().buyer(accounts, n).0
            } else {
                consumer = try await accounts.signUp(email: "traveller\(n)@example.cn", password: "correct horse \(n)", displayName: "", at: Date())
            }
            rates = RateService(store: store, maxAge: 3600)
            travel = TravelPlatform.sandbox(store: store, rates: rates, channels: PaymentChannels([SandboxChannel(kind: .directBank, name: "bank", store: store)]),
                                            cipher: CheckoutTests.cipher, answerDelay: 0)
        }

        func commit<T>(_ decided: ([Change], T)) async throws -> T {
            try await store.apply(decided.0)
            return decided.1
        }

        @discardableResult
        func topUp(_ yuan: Int64, fen: Int64 = 0, key: String = UUID().uuidString) async throws -> TopUpView {
            try await commit(try await travel.wallets.topUp(consumer, amount: Money(minorUnits: yuan * 100 + fen, currency: .CNY), channel: "bank",
                                                            key: key, at: Date()))
        }

        func shop(_ id: String) async throws -> Shop {
            let merchantID = try #require(DemoShops.entries.first { $0.id == id }).merchantID
            return try await travel.tills.shop(id, ofMerchant: merchantID)
        }

        /// The store scans a fresh code of the traveller and charges `minor` of its currency.
        func pay(_ minor: Int64, at shopID: String, goods: Bool = true, at now: Date = Date()) async throws -> TillPayment {
            let shop = try await shop(shopID)
            let (codeChanges, code, _) = travel.tills.issueCode(for: consumer, at: now)
            try await store.apply(codeChanges)
            return try await commit(try await travel.tills.payWithCode(code, shop: shop, amount: Money(minorUnits: minor, currency: shop.currency),
                                                                       goods: goods, key: UUID().uuidString, at: now))
        }

        func form(for payment: TillPayment) async throws -> TaxFreeFormView {
            try await commit(try await travel.taxFree.issueForm(for: payment.id, merchantID: payment.merchantID, at: Date()))
        }

        func instant(_ form: TaxFreeFormView) async throws -> TaxFreeFormView {
            try await commit(try await travel.taxFree.instantRefund(form.id, for: consumer, at: Date()))
        }

        func wallet() async throws -> WalletView { try await travel.wallets.wallet(of: consumer.id) }

        func checkBooks() async throws {
            let report = try await LedgerCheck(store: store).run()
            #expect(report.problems.isEmpty, "\(report.problems)")
        }

        func balance(_ account: Account) async throws -> Int64 {
            let balance = try await LedgerService(store: store).balances(of: [account.id])[account.id] ?? Balance()
            return balance.creditsPosted - balance.debitsPosted
        }
    }

    @Test("a top-up, then the store scans the traveller's code: CNY at the rate of the moment out of the wallet, euros less commission to the merchant",
          arguments: StoreKind.allCases)
    func payByCode(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let fixture = try await Fixture(store)
            let topUp = try await fixture.topUp(2_000)
            #expect(topUp.status == .succeeded)
            let payment = try await fixture.pay(12_000, at: Fixture.italy)
            let rate = try await fixture.rates.book().rate(from: .EUR, to: .CNY, at: Date())
            #expect(payment.cny == (try rate.convert(Money(minorUnits: 12_000, currency: .EUR)).converted))
            #expect(try await fixture.wallet().balance.minorUnits == 200_000 - payment.cny.minorUnits)
            let merchant = try await fixture.balance(Books.merchant("m-bottega-arno", .EUR))
            #expect(merchant == 12_000 - payment.commission.minorUnits)
            #expect(payment.commission.minorUnits > 0)
            try await fixture.checkBooks()
        }
    }

    @Test("a code pays once, for a minute, and not at all when unknown or malformed; nothing moves", arguments: StoreKind.allCases)
    func codes(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let fixture = try await Fixture(store)
            try await fixture.topUp(5_000)
            let shop = try await fixture.shop(Fixture.italy)
            let now = Date()
            let (changes, code, expiresAt) = fixture.travel.tills.issueCode(for: fixture.consumer, at: now)
            try await store.apply(changes)
            #expect(PaymentCode.isTravellerCode(code))
            #expect(abs(expiresAt.timeIntervalSince(now) - PaymentCode.travellerCodeLifetime) < 0.001)
            let amount = Money(minorUnits: 5_000, currency: .EUR)
            _ = try await fixture.commit(try await fixture.travel.tills.payWithCode(code, shop: shop, amount: amount, goods: true, key: "a", at: now))
            let before = try await fixture.wallet()
            await #expect(throws: PaymentCode.Refusal.used) {
                try await fixture.travel.tills.payWithCode(code, shop: shop, amount: amount, goods: true, key: "b", at: now)
            }
            let (later, fresh, freshExpiry) = fixture.travel.tills.issueCode(for: fixture.consumer, at: now)
            try await store.apply(later)
            await #expect(throws: PaymentCode.Refusal.expired(at: freshExpiry)) {
                try await fixture.travel.tills.payWithCode(fresh, shop: shop, amount: amount, goods: true, key: "c", at: freshExpiry)
            }
            await #expect(throws: PaymentCode.Refusal.unknown) {
                try await fixture.travel.tills.payWithCode("28" + String(repeating: "0", count: 16), shop: shop, amount: amount, goods: true,
                                                           key: "d", at: now)
            }
            await #expect(throws: PaymentCode.Refusal.malformed) {
                try await fixture.travel.tills.payWithCode("12345", shop: shop, amount: amount, goods: true, key: "e", at: now)
            }
            #expect(try await fixture.wallet() == before)
            try await fixture.checkBooks()
        }
    }

    @Test("a store's charge code: the first traveller to open it is the one it charges; another's is refused; it pays once",
          arguments: StoreKind.allCases)
    func charges(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let fixture = try await Fixture(store)
            let other = try await Fixture(store, buyer: 2)
            try await fixture.topUp(5_000)
            try await other.topUp(5_000)
            let shop = try await fixture.shop(Fixture.swiss)
            let (changes, charge) = fixture.travel.tills.creatingCharge("ch-1", shop: shop, amount: Money(minorUnits: 35_000, currency: .CHF),
                                                                        goods: true, at: Date())
            try await store.apply(changes)
            let token = try #require(charge.token)
            _ = try await fixture.travel.tills.charge(token: token, for: fixture.consumer, at: Date())
            await #expect(throws: PaymentCode.Refusal.anotherTravellers) { try await other.travel.tills.charge(token: token, for: other.consumer, at: Date()) }
            await #expect(throws: PaymentCode.Refusal.anotherTravellers) {
                try await other.travel.tills.payCharge(token: token, by: other.consumer, key: "x", at: Date())
            }
            let paid = try await fixture.commit(try await fixture.travel.tills.payCharge(token: token, by: fixture.consumer, key: "k", at: Date()))
            #expect(paid.amount.minorUnits == 35_000)
            await #expect(throws: PaymentCode.Refusal.used) { try await fixture.travel.tills.payCharge(token: token, by: fixture.consumer, key: "k2", at: Date()) }
            await #expect(throws: TravelError.unknownCharge) { try await fixture.travel.tills.charge(token: "c_forged", for: fixture.consumer, at: Date()) }
            #expect(try await other.wallet().balance.minorUnits == 500_000)
            try await fixture.checkBooks()
        }
    }

    @Test("a charge paid from a channel when the wallet is short: what it lacks is topped up first, then the wallet pays", arguments: StoreKind.allCases)
    func chargeFromChannel(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let fixture = try await Fixture(store)
            try await fixture.topUp(10)
            let shop = try await fixture.shop(Fixture.italy)
            let (changes, charge) = fixture.travel.tills.creatingCharge("ch-2", shop: shop, amount: Money(minorUnits: 12_000, currency: .EUR),
                                                                        goods: true, at: Date())
            try await store.apply(changes)
            let token = try #require(charge.token)
            await #expect(throws: TravelError.self) { try await fixture.travel.payCharge(token: token, by: fixture.consumer, topUpFrom: nil, key: "k0", at: Date()) }
            let paid = try await fixture.commit(try await fixture.travel.payCharge(token: token, by: fixture.consumer, topUpFrom: "bank", key: "k1", at: Date()))
            #expect(paid.amount.minorUnits == 12_000)
            #expect(try await fixture.wallet().balance.minorUnits == 0, "the top-up brought in exactly what was missing")
            let topUps = try await fixture.travel.wallets.topUps(of: fixture.consumer.id)
            #expect(topUps.count == 2 && topUps[0].amount.minorUnits == paid.cny.minorUnits - 1_000)
            try await fixture.checkBooks()
        }
    }

    @Test("a wallet too low for the till refuses the payment and moves nothing; a withdrawal goes to a Luhn-checked card",
          arguments: StoreKind.allCases)
    func walletLimits(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let fixture = try await Fixture(store)
            try await fixture.topUp(100)
            await #expect(throws: TravelError.self) { try await fixture.pay(50_000, at: Fixture.italy) }
            #expect(try await fixture.wallet().balance.minorUnits == 10_000)
            await #expect(throws: TravelError.self) {
                try await fixture.travel.wallets.withdraw(fixture.consumer, amount: Money(minorUnits: 1_000, currency: .CNY), card: "4111 1111 1111 1112",
                                                          key: "w0", at: Date())
            }
            let withdrawal = try await fixture.commit(try await fixture.travel.wallets.withdraw(
                fixture.consumer, amount: Money(minorUnits: 4_000, currency: .CNY), card: "4111 1111 1111 1111", key: "w1", at: Date()))
            #expect(withdrawal.cardMasked == "•••• 1111")
            #expect(try await fixture.wallet().balance.minorUnits == 6_000)
            let stored = try await store.read(SQL("SELECT card_sealed FROM wallet_withdrawals")).first?.text("card_sealed") ?? ""
            #expect(!stored.contains("4111111111111111"))
            await #expect(throws: TravelError.walletTooLow(balance: Money(minorUnits: 6_000, currency: .CNY), needed: Money(minorUnits: 7_000, currency: .CNY))) {
                try await fixture.travel.wallets.withdraw(fixture.consumer, amount: Money(minorUnits: 7_000, currency: .CNY), card: "4111111111111111",
                                                          key: "w2", at: Date())
            }
            try await fixture.checkBooks()
        }
    }

    @Test("a top-up whose channel timed out is unknown until the channel is asked, then booked once", arguments: StoreKind.allCases)
    func topUpRecovery(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let fixture = try await Fixture(store)
            let unknown = try await fixture.topUp(300, fen: 13, key: "t")  // the sandbox charges, then times out
            #expect(unknown.status == .unknown)
            #expect(try await fixture.wallet().balance.minorUnits == 0)
            #expect(try await fixture.travel.wallets.recover(at: Date() + 60) == 1)
            #expect(try await fixture.travel.wallets.recover(at: Date() + 120) == 0)
            #expect(try await fixture.wallet().balance.minorUnits == 30_013)
            let again = try await fixture.topUp(300, fen: 13, key: "t")
            #expect(again.status == .succeeded)
            #expect(try await fixture.wallet().balance.minorUnits == 30_013, "the same key is the same top-up")
            let declined = try await fixture.topUp(10, fen: 51)
            #expect(declined.status == .failed && declined.failure != nil)
            try await fixture.checkBooks()
        }
    }

    @Test("refunds at the till add up to what was paid, exactly; more is refused", arguments: StoreKind.allCases)
    func tillRefunds(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let fixture = try await Fixture(store)
            try await fixture.topUp(3_000)
            let payment = try await fixture.pay(10_001, at: Fixture.italy)
            var current = payment
            for part: Int64 in [3_333, 3_333, 3_335] {
                current = try await fixture.commit(try await fixture.travel.tills.refund(
                    current, merchantID: payment.merchantID, amount: Money(minorUnits: part, currency: .EUR), key: "r\(part)-\(current.refunded.minorUnits)",
                    at: Date()))
            }
            #expect(current.refunded == payment.amount)
            #expect(current.refundedCNY == payment.cny)
            #expect(current.refundedCommission == payment.commission)
            #expect(try await fixture.wallet().balance.minorUnits == 300_000)
            #expect(try await fixture.balance(Books.merchant(payment.merchantID, .EUR)) == 0)
            await #expect(throws: TravelError.refundTooLarge(most: Money(minorUnits: 0, currency: .EUR))) {
                try await fixture.travel.tills.refund(current, merchantID: payment.merchantID, amount: Money(minorUnits: 1, currency: .EUR),
                                                      key: "more", at: Date())
            }
            await #expect(throws: TravelError.unknownPayment(payment.id)) {
                try await fixture.travel.tills.refund(current, merchantID: "m-vallee", amount: Money(minorUnits: 1, currency: .EUR), key: "x", at: Date())
            }
            try await fixture.checkBooks()
        }
    }

    @Test("an instant refund, validated twice: the operator's receivable is settled once and the wallet keeps the refund",
          arguments: StoreKind.allCases)
    func instantThenValidated(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let fixture = try await Fixture(store)
            try await fixture.topUp(5_000)
            let payment = try await fixture.pay(20_000, at: Fixture.italy)
            let form = try await fixture.form(for: payment)
            #expect(form.vat.minorUnits == TaxFree.vatContent(of: Money(minorUnits: 20_000, currency: .EUR), rate: ExactDecimal(mantissa: 22, scale: 2)).minorUnits)
            #expect(form.paymentIDs == [payment.id])
            await #expect(throws: TaxFreeRefusal.alreadyOnForm(paymentID: payment.id, formID: form.id)) { try await fixture.form(for: payment) }
            let refunded = try await fixture.instant(form)
            let cny = try #require(refunded.refundCNY)
            #expect(try await fixture.wallet().balance.minorUnits == 500_000 - payment.cny.minorUnits + cny.minorUnits)
            #expect(try await fixture.balance(Books.refundReceivable(.EUR)) == -form.refund.minorUnits)
            await #expect(throws: TaxFreeRefundError.self) { try await fixture.instant(form) }
            let result = ExportValidationResult(eventID: "OTELLO:1", formID: form.id, validated: true, exportedAt: Date())
            #expect(try await fixture.travel.taxFree.receive(result, at: Date()))
            #expect(try await fixture.travel.taxFree.receive(result, at: Date()) == false)
            #expect(try await fixture.travel.taxFree.receive(ExportValidationResult(eventID: "OTELLO:2", formID: form.id, validated: false,
                                                                                    exportedAt: Date()), at: Date()) == false)
            #expect(try await fixture.balance(Books.refundReceivable(.EUR)) == 0)
            let after = try #require(try await fixture.travel.taxFree.form(form.id))
            #expect(after.status == .validated && after.refundStatus == .instant)
            #expect(try await fixture.wallet().balance.minorUnits == 500_000 - payment.cny.minorUnits + cny.minorUnits)
            try await fixture.checkBooks()
        }
    }

    @Test("no validation by the deadline: the instant refund is clawed back once, the shortfall becomes a debt collected from the next top-up",
          arguments: StoreKind.allCases)
    func clawBackAtDeadline(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let fixture = try await Fixture(store)
            try await fixture.topUp(1_800)
            let payment = try await fixture.pay(20_000, at: Fixture.italy)
            let form = try await fixture.instant(try await fixture.form(for: payment))
            let cny = try #require(form.refundCNY)
            // Spend all the wallet holds, the refund included.
            let left = try await fixture.wallet().balance
            let rate = try await fixture.rates.book().rate(from: .EUR, to: .CNY, at: Date())
            let spend = try rate.convertToBase(left, rounding: .halfEven)
            let spent = try await fixture.pay(spend.minorUnits - 1, at: Fixture.italy)
            let remaining = try await fixture.wallet().balance
            #expect(remaining.minorUnits >= 0 && remaining.minorUnits < cny.minorUnits)
            #expect(spent.amount.minorUnits > 0)
            #expect(try await fixture.travel.taxFree.expireDue(at: form.deadline - 1) == 0)
            #expect(try await fixture.travel.taxFree.expireDue(at: form.deadline) == 1)
            #expect(try await fixture.travel.taxFree.expireDue(at: form.deadline + 60) == 0)
            let wallet = try await fixture.wallet()
            #expect(wallet.balance.minorUnits == 0)
            #expect(wallet.debt.minorUnits == cny.minorUnits - remaining.minorUnits)
            #expect(try await fixture.balance(Books.refundReceivable(.EUR)) == 0)
            // A validation that arrives now moves nothing.
            #expect(try await fixture.travel.taxFree.receive(
                ExportValidationResult(eventID: "late", formID: form.id, validated: true, exportedAt: form.deadline - 3600), at: form.deadline + 120) == false)
            let closed = try #require(try await fixture.travel.taxFree.form(form.id))
            #expect(closed.status == .expired && closed.refundStatus == .clawedBack)
            try await fixture.topUp(500)
            let paidBack = try await fixture.wallet()
            #expect(paidBack.debt.minorUnits == 0)
            #expect(paidBack.balance.minorUnits == 50_000 - wallet.debt.minorUnits)
            try await fixture.checkBooks()
        }
    }

    @Test("the sandbox systems: validated (refund paid then), refused (clawed back), never answered (expired); results twice change nothing more",
          arguments: StoreKind.allCases)
    func sandboxSystems(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let fixture = try await Fixture(store)
            try await fixture.topUp(10_000)
            let waiting = try await fixture.form(for: try await fixture.pay(20_000, at: Fixture.italy))
            let refused = try await fixture.instant(try await fixture.form(for: try await fixture.pay(20_013, at: Fixture.italy)))
            let silent = try await fixture.instant(try await fixture.form(for: try await fixture.pay(20_014, at: Fixture.italy)))
            let now = Date()
            for offset in [0.0, 1, 2] { try await fixture.travel.taxFree.round(at: now + offset) }
            let forms = Dictionary(uniqueKeysWithValues: try await fixture.travel.taxFree.forms(ofConsumer: fixture.consumer.id).map { ($0.id, $0) })
            #expect(forms[waiting.id]?.status == .validated && forms[waiting.id]?.refundStatus == .paid)
            #expect(forms[refused.id]?.status == .refused && forms[refused.id]?.refundStatus == .clawedBack)
            #expect(forms[silent.id]?.status == .issued)
            try await fixture.travel.taxFree.round(at: silent.deadline)
            #expect(try await fixture.travel.taxFree.form(silent.id)?.status == .expired)
            let validations = try await store.read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM export_validations")).first?.integer("n") ?? 0
            #expect(validations >= 2)
            #expect(try await fixture.balance(Books.refundReceivable(.EUR)) == 0)
            try await fixture.checkBooks()
        }
    }

    @Test("who may not claim, named: below the minimum, services, no proven residence; an unknown form's validation keeps nothing",
          arguments: StoreKind.allCases)
    func refusals(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let fixture = try await Fixture(store)
            try await fixture.topUp(10_000)
            let small = try await fixture.pay(7_000, at: Fixture.italy)
            await #expect(throws: TaxFreeRefusal.self) { try await fixture.form(for: small) }
            let service = try await fixture.pay(30_000, at: Fixture.italy, goods: false)
            await #expect(throws: TaxFreeRefusal.services) { try await fixture.form(for: service) }
            let stranger = try await Fixture(store, buyer: 7, verified: false)
            try await stranger.topUp(5_000)
            let unproven = try await stranger.pay(30_000, at: Fixture.swiss)
            await #expect(throws: TaxFreeRefusal.residenceUnproven) { try await stranger.form(for: unproven) }
            await #expect(throws: TravelError.unknownForm("tf-nothing")) {
                try await fixture.travel.taxFree.receive(ExportValidationResult(eventID: "x", formID: "tf-nothing", validated: true, exportedAt: Date()),
                                                         at: Date())
            }
            #expect(try await store.read(SQL("SELECT 1 AS seen FROM export_validations")).isEmpty)
        }
    }

    @Test("Korea: an instant refund above the per-purchase cap is refused and paid once customs validates instead", arguments: StoreKind.allCases)
    func koreanCap(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let fixture = try await Fixture(store)
            try await fixture.topUp(20_000)
            let big = try await fixture.form(for: try await fixture.pay(1_200_000, at: Fixture.korea))
            await #expect(throws: TaxFreeRefundError.self) { try await fixture.instant(big) }
            let small = try await fixture.form(for: try await fixture.pay(400_000, at: Fixture.korea))
            _ = try await fixture.instant(small)
            let before = try await fixture.wallet().balance
            #expect(try await fixture.travel.taxFree.receive(ExportValidationResult(eventID: "kr:big", formID: big.id, validated: true, exportedAt: Date()),
                                                             at: Date()))
            let paid = try #require(try await fixture.travel.taxFree.form(big.id))
            #expect(paid.refundStatus == .paid)
            #expect(try await fixture.wallet().balance.minorUnits == before.minorUnits + (paid.refundCNY?.minorUnits ?? -1))
            try await fixture.checkBooks()
        }
    }

    @Test("random purchases, refunds, forms, validations and deadlines: after every step the books balance and the wallet is what the steps say",
          arguments: StoreKind.allCases)
    func model(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let fixture = try await Fixture(store)
            var random = SplitMix(state: 20_261_202)
            var wallet: Int64 = 0
            var debt: Int64 = 0
            var payments: [TillPayment] = []
            var forms: [TaxFreeFormView] = []
            var clock = Date()
            for step in 0..<(kind == .sqlite ? 60 : 30) {
                clock += 60
                switch random.next() % 6 {
                case 0:
                    let amount = Int64(random.next() % 300_000 + 100)
                    let topUp = try await fixture.topUp(amount / 100, fen: amount % 100 == 13 || amount % 100 == 14 || amount % 100 == 51 || amount % 100 == 99 ? 0 : amount % 100)
                    let collected = min(debt, topUp.amount.minorUnits)
                    wallet += topUp.amount.minorUnits - collected
                    debt -= collected
                case 1, 2:
                    let minor = Int64(random.next() % 40_000 + 1_000)
                    if let payment = try? await fixture.pay(minor, at: Fixture.italy, at: clock) {  // safe: a wallet too low is a step refused
                        wallet -= payment.cny.minorUnits
                        payments.append(payment)
                    }
                case 3:
                    guard let payment = payments.randomElement(using: &random), payment.formID == nil,
                          let refunded = try? await fixture.commit(try await fixture.travel.tills.refund(  // safe: a refund not allowed is a step refused
                            payment, merchantID: payment.merchantID, amount: Money(minorUnits: max(1, payment.kept.minorUnits / 2), currency: .EUR),
                            key: "model-\(step)", at: clock)) else { continue }
                    wallet += refunded.refundedCNY.minorUnits - payment.refundedCNY.minorUnits
                    payments = payments.map { $0.id == refunded.id ? refunded : $0 }
                case 4:
                    guard let payment = payments.filter({ $0.formID == nil }).randomElement(using: &random),
                          let form = try? await fixture.form(for: payment) else { continue }  // safe: an ineligible purchase is a step refused
                    payments = try await fixture.travel.tills.payments(ofConsumer: fixture.consumer.id)
                    if random.next() % 2 == 0, let refunded = try? await fixture.instant(form) {  // safe: a refund of nothing is refused
                        wallet += refunded.refundCNY?.minorUnits ?? 0
                        forms.append(refunded)
                    } else {
                        forms.append(form)
                    }
                default:
                    guard let form = forms.randomElement(using: &random),
                          let current = try await fixture.travel.taxFree.form(form.id), current.status == .issued else { continue }
                    let outcome = random.next() % 3
                    if outcome == 2 {
                        try await fixture.travel.taxFree.expireDue(at: current.deadline)
                    } else {
                        try await fixture.travel.taxFree.receive(ExportValidationResult(eventID: "model-\(step)", formID: form.id, validated: outcome == 0,
                                                                                        exportedAt: clock), at: clock)
                    }
                    let after = try #require(try await fixture.travel.taxFree.form(form.id))
                    if after.refundStatus == .paid { wallet += after.refundCNY?.minorUnits ?? 0 }
                    if after.refundStatus == .clawedBack, let cny = current.refundCNY {
                        let taken = min(wallet, cny.minorUnits)
                        wallet -= taken
                        debt += cny.minorUnits - taken
                    }
                }
                let view = try await fixture.wallet()
                #expect(view.balance.minorUnits == wallet, "step \(step)")
                #expect(view.debt.minorUnits == debt, "step \(step)")
                #expect(view.balance.minorUnits >= 0)
                let outstanding = try await fixture.travel.taxFree.forms(ofConsumer: fixture.consumer.id)
                    .filter { $0.status == .issued && $0.refundStatus == .instant }.reduce(Int64(0)) { $0 + $1.refund.minorUnits }
                #expect(try await fixture.balance(Books.refundReceivable(.EUR)) == -outstanding, "step \(step)")
                try await fixture.checkBooks()
            }
            #expect(payments.count >= 5 && forms.count >= 2, "the random steps paid \(payments.count) times and issued \(forms.count) forms")
            let closed = try await fixture.travel.taxFree.forms(ofConsumer: fixture.consumer.id).filter { $0.status != .issued }
            #expect(!closed.isEmpty, "no form was validated, refused or expired")
        }
    }
}
