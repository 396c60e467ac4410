import Commerce
import Foundation
import Services
import Storage
import TestSupport
import Testing

@Suite("Brand authorisations and counterfeit cases")
struct BrandProtectionTests {
    let now = Date()
    let ops = try! ReviewerNote(reviewer: "Li Na", note: "checked against the register")  // safe: a literal name and note

    func pantry(_ store: any Store) async throws -> Merchant {
        let keys = MerchantKeyService(store: store)
        return try #require(try await keys.merchant(forKey: try await keys.issue(merchantID: "m-pacific-pantry", label: "t", at: now)))
    }

    func syrup(brand: String) -> ProductDraft {
        ProductDraft(id: "pp-syrup", nameEn: "Maple syrup", nameZh: "枫糖浆", descriptionEn: "Grade A amber.", descriptionZh: "A级琥珀色。",
                     category: "food", brand: brand, hsCode: "170220", originCountry: "CA", shipsToChina: true,
                     skus: [.init(id: "pp-syrup-1", variantEn: "1 l", variantZh: "1升", price: "12.50", weightGrams: 1400, stock: 5)])
    }

    /// The day `offset` days from today, as an authorisation is written.
    func day(_ offset: Int) -> String { Day(beijing: now).adding(days: offset).description }

    @Test("a branded product is published only under an accepted authorisation for its class", arguments: StoreKind.allCases)
    func publishing(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            try await DemoLoader.loadIfAbsent(into: store, at: now)
            let merchant = try await pantry(store)
            let catalog = MerchantCatalogService(store: store, rates: RateService(store: store, maxAge: 3600))
            let brands = BrandAuthorisationService(store: store)
            func refusal() async throws -> MerchantCatalogService.DraftRefused? {
                do { try await catalog.save([syrup(brand: "Maple Grove")], for: merchant, at: now); return nil }
                catch let refused as MerchantCatalogService.DraftRefused { return refused }
            }
            #expect(try await refusal()?.error.field == "brand")
            let letter = BrandAuthorisationDraft(brand: "Maple Grove", kind: "owner-letter", owner: "Maple Grove Farms Ltd", classes: [29],
                                                 validFrom: day(-10), validUntil: day(300))
            let (wrongClass, filedWrong) = try brands.filing(letter, for: merchant.id, at: now)
            try await store.apply(wrongClass)
            // Pending counts for nothing; accepted for class 29 does not cover syrup (class 30).
            #expect(try await refusal() != nil)
            try await store.apply(try await brands.reviewing(filedWrong.id, as: .accepted, signed: ops, at: now))
            #expect(try await refusal()?.error.message.contains("Nice class 30") == true)
            await #expect(throws: BrandFailure.reviewed(.accepted)) {
                try await brands.reviewing(filedWrong.id, as: .rejected, signed: ops, at: now)
            }
            var right = letter
            right.classes = [30]
            let (changes, filed) = try brands.filing(right, for: merchant.id, at: now)
            try await store.apply(changes)
            await #expect(throws: BrandFailure.noteRequired) {
                try await brands.reviewing(filed.id, as: .rejected, signed: try ReviewerNote(reviewer: "Li Na", note: nil), at: now)
            }
            try await store.apply(try await brands.reviewing(filed.id, as: .accepted, signed: ops, at: now))
            #expect(try await refusal() == nil)
            #expect(try await CatalogService(store: store).sku("pp-syrup-1") != nil)
            // Goods with no brand need nothing on file.
            #expect(try await catalog.saving([syrup(brand: "无品牌")], for: merchant, at: now).products.count == 1)
            // A merchant sees its own filings only.
            let own = try await brands.authorisations(of: merchant.id)
            // The demo's registration of Pacific Pantry, and the two filed here.
            #expect(own.count == 3 && own.allSatisfy { $0.authorisation.merchantID == merchant.id })
        }
    }

    @Test("a lapsed authorisation takes its products off sale; while covered again they come back", arguments: StoreKind.allCases)
    func lapse(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            try await DemoLoader.loadIfAbsent(into: store, at: now)
            let brands = BrandAuthorisationService(store: store)
            let catalog = CatalogService(store: store)
            // Every demo product is covered on the day the demo loads.
            #expect(try await brands.coverageRound(at: now) == (0, 0))
            // The department store's letter for Fulton Athletic runs 610 days; its own brand's registration longer.
            let later = now.addingTimeInterval(700 * 86_400)
            #expect(try await brands.coverageRound(at: later) == (1, 0))
            #expect(try await catalog.product(id: "hv-runner") == nil)
            #expect(try await catalog.product(id: "hv-runner", includingWithdrawn: true) != nil)
            #expect(try await catalog.withdrawals(of: ["hv-runner", "hv-oxford"]) == ["hv-runner": .brandLapsed])
            #expect(try await catalog.sku("hv-runner-1") == nil)
            #expect(try await catalog.product(id: "hv-oxford") != nil)
            let found = try await CatalogSearch(store: store).search(ProductQuery(text: "sneakers")).products.map(\.id)
            #expect(!found.contains("hv-runner"))
            let shelf = try #require(try await catalog.storefront(slug: "hudson-vine"))
            #expect(try await catalog.products(storeID: shelf.storefront.id, limit: 50, offset: 0).allSatisfy { $0.id != "hv-runner" })
            #expect(try await brands.coverageRound(at: later) == (0, 0))
            #expect(try await brands.coverageRound(at: now) == (0, 1))
            #expect(try await catalog.sku("hv-runner-1") != nil)
            // The pending letter waits in ops' queue.
            #expect(try await brands.queue(status: .pending).map(\.authorisation.brand) == ["Seoul Dew"])
        }
    }

    @Test("a report opens a case, a second joins it; a take-down withdraws the product, clearing puts it back", arguments: StoreKind.allCases)
    func counterfeit(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await BuyNowTests.Shop(store)
            let bought = try await shop.buy("pp-nuts-1", key: "cf-1")
            let reports = CounterfeitService(store: store, cipher: CheckoutTests.cipher)
            let (first, caseID) = try await reports.reporting(
                CounterfeitReportDraft(productId: "pp-nuts", reason: "The seal on the jar was broken and relabelled"), buyer: shop.consumer.id, at: now)
            try await store.apply(first)
            let owner = CounterfeitReportDraft(productId: "pp-nuts", reason: "Not our packaging", reporterName: "Pacific Pantry Club LLC",
                                               email: "brand@pantry.example")
            let (second, sameCase) = try await reports.reporting(owner, buyer: nil, at: now.addingTimeInterval(1))
            try await store.apply(second)
            #expect(sameCase == caseID)
            var file = try await reports.file(caseID)
            #expect(file.summary.status == .open && file.summary.reports == 2)
            #expect(file.reports.map(\.reporterKind) == ["buyer", "brand-owner"])
            #expect(file.reports[1].email == "brand@pantry.example" && file.reports[1].reporterName == "Pacific Pantry Club LLC")
            #expect(file.affectedOrders.map(\.orderID) == bought.orderIDs)
            // The brand owner's name and address are sealed at rest.
            let stored = try await store.read(SQL("SELECT sealed_reporter FROM counterfeit_reports WHERE reporter_kind = 'brand-owner'"))
            #expect(try stored.first?.optionalText("sealed_reporter")?.contains("pantry.example") == false)
            await #expect(throws: CounterfeitFailure.productNotFound) {
                try await reports.reporting(CounterfeitReportDraft(productId: "no-such", reason: "x"), buyer: shop.consumer.id, at: now)
            }

            let catalog = CatalogService(store: store)
            try await store.apply(try await reports.acting(.takeDown, on: caseID, signed: ops, at: now).changes)
            #expect(try await catalog.product(id: "pp-nuts") == nil)
            #expect(try await catalog.sku("pp-nuts-1") == nil)
            #expect(try await catalog.withdrawals(of: ["pp-nuts"]) == ["pp-nuts": .counterfeit])
            // A brand coverage round does not put a counterfeit back on sale.
            try await BrandAuthorisationService(store: store).coverageRound(at: now)
            #expect(try await catalog.product(id: "pp-nuts") == nil)
            await #expect(throws: CounterfeitFailure.notPossible(.takeDown, .takenDown)) {
                try await reports.acting(.takeDown, on: caseID, signed: ops, at: now)
            }
            try await store.apply(try await reports.acting(.clear, on: caseID, signed: ops, at: now.addingTimeInterval(1)).changes)
            #expect(try await catalog.product(id: "pp-nuts") != nil)
            file = try await reports.file(caseID)
            #expect(file.summary.status == .cleared && file.actions.map(\.action) == [.takeDown, .clear])
            #expect(file.actions.allSatisfy { $0.actor == "Li Na" })
            // A cleared case is closed: a new report opens another.
            let (third, newCase) = try await reports.reporting(
                CounterfeitReportDraft(productId: "pp-nuts", reason: "Again"), buyer: shop.consumer.id, at: now)
            try await store.apply(third)
            #expect(newCase != caseID)
            #expect(try await reports.cases(status: .open).map(\.id) == [newCase])
        }
    }
}
