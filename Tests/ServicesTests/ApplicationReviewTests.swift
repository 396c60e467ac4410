import Commerce
import Foundation
@testable import Services
import Storage
import TestSupport
import Testing

/// A submitted application through its checks, with providers that are down, slow or answer
/// twice, and through ops' review to a merchant with a store.
@Suite("Checking and reviewing merchant applications")
struct ApplicationReviewTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let cipher = try! FieldCipher(base64Key: FieldCipher.newKey())  // safe: a new key is always a valid 32-byte key

    /// A bank that is down for its first `outages` calls, then the sandbox.
    final class FlakyBank: BankAccountVerifier, @unchecked Sendable {
        let lock = NSLock()
        var outages: Int
        init(outages: Int) { self.outages = outages }
        func verify(_ account: MerchantApplication.PayoutAccount, expectedHolder: String) async throws -> BankAccountAnswer {
            let down = lock.withLock { () -> Bool in
                defer { outages -= 1 }
                return outages > 0
            }
            if down { throw ProviderUnavailable(provider: "test bank") }
            return try await SandboxBankAccounts(delay: .zero).verify(account, expectedHolder: expectedHolder)
        }
    }

    func application(registration: String = "00743110157", iban: String = "IT60X0542811101000000123456",
                     owner: String = "Giulia Verdi") -> MerchantApplication {
        MerchantApplication(
            legalName: "Pirelli & C. S.p.A.", country: "IT", registrationNumber: registration,
            address: .init(line1: "Viale Piero e Alberto Pirelli 25", city: "Milano"),
            representative: .init(name: "Marco Rossi", email: "export@example.it"),
            owners: [.init(name: owner, sharePercent: 30)],
            payout: .init(holderName: "Pirelli & C. S.p.A.", currency: "EUR", iban: iban), brands: ["Pirelli"], categories: ["accessories"])
    }

    /// The register holds Pirelli as registers write it: capitals, no punctuation.
    static let register = ["00743110157": RegistryRecord(registeredName: "PIRELLI & C SPA", address: "VIALE PIERO E ALBERTO PIRELLI 25 MILANO",
                                                         country: "IT", standing: .active, riskBand: 2)]

    struct Parts {
        let store: any Store
        let applications: MerchantApplicationService
        let verification: VerificationService
        let review: ApplicationReview
    }

    func withParts(_ kind: StoreKind, bank: any BankAccountVerifier = SandboxBankAccounts(delay: .zero),
                   _ body: (Parts) async throws -> Void) async throws {
        try await withTestStore(kind) { store in
            let applications = MerchantApplicationService(store: store, cipher: cipher)
            let verification = VerificationService(
                store: store, applications: applications, registry: SandboxRegistry(delay: .zero, companies: Self.register), bank: bank,
                sanctions: try SanctionsList(sdnCSV: SanctionsSample.sdnCSV))
            try await body(Parts(store: store, applications: applications, verification: verification,
                                 review: ApplicationReview(store: store, applications: applications)))
        }
    }

    func submitted(_ application: MerchantApplication, _ parts: Parts) async throws -> String {
        let (start, draft) = try parts.applications.starting(application, at: now)
        try await parts.store.apply(start)
        let key = parts.applications.resumeKey(for: draft.id)
        let (submit, _) = try await parts.applications.submitting(id: draft.id, key: key, revision: nil, at: now)
        try await parts.store.apply(submit)
        return draft.id
    }

    func count(_ sql: String, _ store: any Store) async throws -> Int64 {
        try await store.read(SQL(sql)).first?.integer("n") ?? -1
    }

    @Test("checks pass, one approval makes the merchant, its store and its payout account", arguments: StoreKind.allCases)
    func approval(kind: StoreKind) async throws {
        try await withParts(kind) { parts in
            let id = try await submitted(application(), parts)
            await #expect(throws: ReviewFailure.checksOutstanding) {
                try await parts.review.deciding(.approve, on: id, reviewer: "Li Na", reason: nil, at: now)
            }
            #expect(try await parts.verification.run(at: now) == 3)
            #expect(try await parts.verification.run(at: now) == 0, "answered checks are not asked again")
            let file = try await parts.review.file(id, at: now)
            #expect(file.requirements.map(\.code) == [.opsReview])
            #expect(file.checks.allSatisfy { $0.outcome.state == .passed })
            #expect(file.checks.first { $0.outcome.check == .registry }?.answer?.contains("PIRELLI & C SPA") == true,
                    "the register's own answer is kept as it came")

            let (changes, approved) = try await parts.review.deciding(.approve, on: id, reviewer: "Li Na", reason: nil, at: now)
            try await parts.store.apply(changes)
            #expect(approved.application.status == .approved && approved.enabled(.sell) && approved.enabled(.payouts))
            let merchant = try #require(approved.application.merchantID)
            #expect(try await count("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM stores WHERE merchant_id = '\(merchant)'", parts.store) == 1)
            #expect(try await count("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM merchant_payout_accounts WHERE merchant_id = '\(merchant)'", parts.store) == 1)
            #expect(try await parts.review.file(id, at: now).application.status == .approved)
            await #expect(throws: ReviewFailure.notUnderReview(.approved)) {
                try await parts.review.deciding(.reject, on: id, reviewer: "Wang Fang", reason: "late", at: now)
            }
        }
    }

    @Test("a provider that is down is asked again later, less often; an answer recorded twice counts once", arguments: StoreKind.allCases)
    func retries(kind: StoreKind) async throws {
        try await withParts(kind, bank: FlakyBank(outages: 2)) { parts in
            let id = try await submitted(application(), parts)
            #expect(try await parts.verification.run(at: now) == 2, "the bank is down")
            let bank = try #require(try await parts.review.file(id, at: now).checks.first { $0.outcome.check == .bankAccount })
            #expect(bank.outcome.state == .pending && bank.attempts == 1)
            #expect(try await parts.verification.run(at: now.addingTimeInterval(1)) == 0, "not before its retry time")
            #expect(try await parts.verification.run(at: now.addingTimeInterval(5)) == 0, "down again")
            #expect(try await parts.verification.run(at: now.addingTimeInterval(14)) == 0, "the second wait is longer")
            #expect(try await parts.verification.run(at: now.addingTimeInterval(15)) == 1)
            #expect(VerificationService.retryAfter(attempts: 1) == 5 && VerificationService.retryAfter(attempts: 2) == 10
                && VerificationService.retryAfter(attempts: 40) == 3600)
            let answeredTwice = try await parts.verification.record(.passed, answer: "{}", check: .bankAccount, of: id, submission: 1, at: now)
            #expect(!answeredTwice, "a second answer to an answered check changes nothing")
        }
    }

    @Test("a failed check sends the application back with what to fix; ops can reject or ask for changes, with a reason", arguments: StoreKind.allCases)
    func failures(kind: StoreKind) async throws {
        try await withParts(kind) { parts in
            // The sandbox bank's test account ending 9999 is someone else's.
            let id = try await submitted(application(iban: "GB34BUKB20201555559999"), parts)
            try await parts.verification.run(at: now)
            let file = try await parts.review.file(id, at: now)
            #expect(file.application.status == .changesRequested)
            #expect(file.requirements.first { $0.code == .bankAccount }?.reason == .holderDiffers(holder: "Someone Else Trading Ltd"))
            let key = parts.applications.resumeKey(for: id)
            var fixed = application()
            fixed.payout?.iban = "IT60X0542811101000000123456"
            let (save, _) = try await parts.applications.saving(fixed, id: id, key: key, revision: nil, at: now)
            try await parts.store.apply(save)
            let (submit, again) = try await parts.applications.submitting(id: id, key: key, revision: nil, at: now)
            try await parts.store.apply(submit)
            #expect(again.submissions == 2)
            #expect(try await parts.review.file(id, at: now).checks.allSatisfy { $0.outcome.state == .pending }, "a new submission, new checks")

            await #expect(throws: ReviewFailure.reasonRequired) {
                try await parts.review.deciding(.reject, on: id, reviewer: "Li Na", reason: "  ", at: now)
            }
            await #expect(throws: ReviewFailure.reviewerRequired) {
                try await parts.review.deciding(.reject, on: id, reviewer: "", reason: "no", at: now)
            }
            let (ask, asked) = try await parts.review.deciding(.requestChanges, on: id, reviewer: "Li Na", reason: "Send the brand authorisation", at: now)
            try await parts.store.apply(ask)
            #expect(asked.application.status == .changesRequested)
            #expect(try await parts.review.queue(statuses: [.changesRequested]).map(\.id) == [id])
        }
    }

    @Test("a business in a high risk band needs two different people to approve it; a listed owner is held for review", arguments: StoreKind.allCases)
    func secondPerson(kind: StoreKind) async throws {
        try await withParts(kind) { parts in
            // The sandbox register's test number ending 0002 is in band 5.
            let risky = try await submitted(application(registration: "RISK-0002").withCountry("FR"), parts)
            try await parts.verification.run(at: now)
            let (first, once) = try await parts.review.deciding(.approve, on: risky, reviewer: "Li Na", reason: nil, at: now)
            try await parts.store.apply(first)
            #expect(once.application.status == .submitted && once.requirements.map(\.code).contains(.secondReview))
            await #expect(throws: ReviewFailure.sameReviewer) {
                try await parts.review.deciding(.approve, on: risky, reviewer: "Li Na", reason: nil, at: now)
            }
            let (second, twice) = try await parts.review.deciding(.approve, on: risky, reviewer: "Wang Fang", reason: nil, at: now)
            try await parts.store.apply(second)
            #expect(twice.application.status == .approved && twice.application.merchantID != nil)

            let listed = try await submitted(application(owner: "Darko Ivan Kovac"), parts)
            try await parts.verification.run(at: now)
            let file = try await parts.review.file(listed, at: now)
            #expect(file.application.status == .submitted)
            #expect(file.requirements.first { $0.code == .sanctions }?.reason == .possibleSanctionsHit(listed: ["KOVAC, Darko Ivan"]))
        }
    }
}

extension MerchantApplication {
    func withCountry(_ country: String) -> MerchantApplication {
        var copy = self
        copy.country = country
        copy.vatNumber = nil
        return copy
    }
}

extension ApplicationReviewTests {
    @Test("a suspended merchant's store, products and SKUs are not for sale; reinstated, they are again", arguments: StoreKind.allCases)
    func suspension(kind: StoreKind) async throws {
        try await withParts(kind) { parts in
            let id = try await submitted(application(), parts)
            try await parts.verification.run(at: now)
            try await parts.store.apply(try await parts.review.deciding(.approve, on: id, reviewer: "Li Na", reason: nil, at: now).changes)
            let catalog = CatalogService(store: parts.store)
            let listing = try #require(try await catalog.storefronts().first { $0.merchant.id.hasPrefix("m-pirelli") })
            let draft = ProductDraft(id: "pz-tyre", nameEn: "Bicycle tyre", nameZh: "自行车轮胎", descriptionEn: "700x28c.", descriptionZh: "700x28c。",
                                     category: "accessories", brand: "无品牌", hsCode: "401150", originCountry: "IT", shipsToChina: true,
                                     skus: [.init(id: "pz-tyre-1", variantEn: "black", variantZh: "黑色", price: "45.00", weightGrams: 300, stock: 5)])
            try await MerchantCatalogService(store: parts.store, rates: RateService(store: parts.store, maxAge: 3600))
                .save([draft], for: listing.merchant, at: now)
            #expect(try await catalog.sku("pz-tyre-1") != nil)
            #expect(try await CatalogSearch(store: parts.store).search(ProductQuery(text: "轮胎")).products.map(\.id) == ["pz-tyre"])

            await #expect(throws: ReviewFailure.reasonRequired) {
                try await parts.review.deciding(.suspend, on: id, reviewer: "Li Na", reason: nil, at: now)
            }
            let revision = try await parts.store.read(SQL("SELECT revision FROM skus WHERE id = 'pz-tyre-1'")).first?.integer("revision")
            let (suspend, suspended) = try await parts.review.deciding(.suspend, on: id, reviewer: "Li Na", reason: "counterfeit reports", at: now)
            try await parts.store.apply(suspend)
            #expect(suspended.application.status == .suspended && !suspended.enabled(.sell))
            #expect(try await catalog.storefront(slug: listing.storefront.slug) == nil)
            #expect(try await catalog.storefronts().allSatisfy { $0.merchant.id != listing.merchant.id })
            #expect(try await catalog.storefronts(includingSuspended: true).contains { $0.merchant.id == listing.merchant.id },
                    "its open orders still show who sold them")
            #expect(try await catalog.sku("pz-tyre-1") == nil, "neither quotes nor buy now find it")
            #expect(try await CatalogSearch(store: parts.store).search(ProductQuery(text: "轮胎")).products.isEmpty)
            let moved = try await parts.store.read(SQL("SELECT revision FROM skus WHERE id = 'pz-tyre-1'")).first?.integer("revision")
            #expect(moved.flatMap { new in revision.map { new > $0 } } == true, "buy now's remembered copy is read again")

            try await parts.store.apply(try await parts.review.deciding(.reinstate, on: id, reviewer: "Wang Fang", reason: "cleared", at: now).changes)
            #expect(try await catalog.sku("pz-tyre-1") != nil)
            #expect(try await catalog.storefront(slug: listing.storefront.slug) != nil)
        }
    }
}

@Suite("Demo applicants")
struct DemoApplicantsTests {
    @Test("the demo's applicants arrive once, one at each step, the approved one a merchant", arguments: StoreKind.allCases)
    func loadsOnce(kind: StoreKind) async throws {
        let cipher = try! FieldCipher(base64Key: FieldCipher.newKey())  // safe: a new key is always a valid 32-byte key
        try await withTestStore(kind) { store in
            try await DemoLoader.loadIfAbsent(into: store, at: Date())
            #expect(try await DemoApplicants.loadIfAbsent(into: store, cipher: cipher, at: Date()))
            #expect(try await DemoApplicants.loadIfAbsent(into: store, cipher: cipher, at: Date()) == false)
            let review = ApplicationReview(store: store, applications: MerchantApplicationService(store: store, cipher: cipher))
            let statuses = try await review.queue(statuses: []).map(\.status)
            #expect(statuses.sorted { $0.rawValue < $1.rawValue } == [.approved, .rejected, .submitted, .suspended])
            let rows = try await store.read(SQL("SELECT status FROM merchant_applications WHERE status = 'draft'"))
            #expect(rows.count == DemoApplications.entries.filter { if case .draft = $0.outcome { true } else { false } }.count)
            let approved = try #require(try await review.queue(statuses: [.approved]).first)
            let file = try await review.file(approved.id, at: Date())
            #expect(file.enabled(.sell) && file.enabled(.payouts))
            #expect(try await CatalogService(store: store).storefronts().contains { $0.merchant.id == file.application.merchantID })
        }
    }
}
