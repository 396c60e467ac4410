import Commerce
import Foundation
@testable import Services
import Storage
import TestSupport
import Testing

/// Partner banks onboarding their clients: a batch written whole or not at all, the bank's word
/// standing for the checks it covers, its clients becoming merchants it introduced, and each
/// bank seeing only its own.
@Suite("Partner banks and their clients")
struct PartnerBankTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let cipher = try! FieldCipher(base64Key: FieldCipher.newKey())  // safe: a new key is always a valid 32-byte key

    func bank(_ id: String, attests: [String] = ["registry", "bank-account"], in store: any Store) async throws -> PartnerBank {
        let (changes, bank) = try PartnerBankService(store: store).registering(
            PartnerBankDraft(id: id, name: "Banca \(id)", country: "IT", bic: "BANCITMM", attests: attests), at: now)
        try await store.apply(changes)
        return bank
    }

    func client(_ name: String, registration: String, attests: [String]) -> IntroducedClient {
        IntroducedClient(reference: name, application: MerchantApplication(
            legalName: name, country: "IT", registrationNumber: registration,
            address: .init(line1: "Via Maggio 31", city: "Firenze"),
            representative: .init(name: "Chiara Conti", email: "chiara@example.it"), ownersComplete: true,
            payout: .init(holderName: name, currency: "EUR", iban: "IT60X0542811101000000123456"), brands: [name], categories: ["home"]),
            attestation: Attestation(checks: attests, checkedOn: Day(beijing: now).adding(days: -10).description, reference: "KYC-\(registration)"))
    }

    @Test("a bank's batch becomes submitted applications; its word passes the checks it covers, the others are asked; approved, the client is its merchant",
          arguments: StoreKind.allCases)
    func onboarded(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let applications = MerchantApplicationService(store: store, cipher: cipher)
            let onboarding = ClientOnboardingService(store: store, applications: applications)
            let review = ApplicationReview(store: store, applications: applications)
            let lungarno = try await bank("bank-lungarno", in: store)
            let (changes, introduced) = try await onboarding.onboarding(
                [client("Ceramiche Oltrarno S.n.c.", registration: "05987650487", attests: ["registry", "bank-account"]),
                 client("Pelletteria Santa Croce S.r.l.", registration: "06312340489", attests: ["registry"])], by: lungarno, at: now)
            try await store.apply(changes)
            #expect(introduced.map(\.stored.status) == [.submitted, .submitted])
            let first = try await review.file(introduced[0].stored.id, at: now)
            #expect(first.application.partnerBankID == "bank-lungarno")
            let states = Dictionary(uniqueKeysWithValues: first.checks.map { ($0.outcome.check, $0.outcome.state) })
            #expect(states[.registry] == .passed && states[.bankAccount] == .passed && states[.sanctions] == .pending)
            #expect(first.checks.first { $0.outcome.check == .registry }?.answer?.contains("KYC-05987650487") == true, "the bank's file is the answer")
            // The checks the bank did not vouch for go to the providers, as anyone's do.
            let verification = VerificationService(store: store, applications: applications, registry: SandboxRegistry(delay: .zero),
                                                   bank: SandboxBankAccounts(delay: .zero), sanctions: try SanctionsList(sdnCSV: SanctionsSample.sdnCSV))
            #expect(try await verification.run(at: now) == 2 + 1, "sanctions for both, the bank account of the second")
            try await store.apply(try await review.deciding(.approve, on: introduced[0].stored.id, reviewer: "Chen Jing", reason: nil, at: now).changes)
            let merchants = try await PartnerBankClients(store: store, review: review).merchants(of: "bank-lungarno")
            #expect(merchants.map(\.merchant.onboardedBy) == ["Banca bank-lungarno"])
            #expect(merchants.first?.orders == 0 && merchants.first?.payouts.isEmpty == true)
            #expect(try await review.file(introduced[0].stored.id, at: now).enabled(.payouts))
        }
    }

    @Test("a business goes to one bank: a second bank's batch naming it is refused whole, even when both were decided at once",
          arguments: StoreKind.allCases)
    func oneBank(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let applications = MerchantApplicationService(store: store, cipher: cipher)
            let onboarding = ClientOnboardingService(store: store, applications: applications)
            let a = try await bank("bank-a", in: store), b = try await bank("bank-b", in: store)
            let shared = client("Ceramiche Oltrarno S.n.c.", registration: "05987650487", attests: ["registry"])
            let other = client("Vetreria Arno S.r.l.", registration: "06312340489", attests: [])
            // Both decided before either is written: the unique key refuses the second whole.
            let (fromA, _) = try await onboarding.onboarding([shared], by: a, at: now)
            let (fromB, _) = try await onboarding.onboarding([other, shared], by: b, at: now)
            try await store.apply(fromA)
            await #expect(throws: StoreError.self) { try await store.apply(fromB) }
            let review = ApplicationReview(store: store, applications: applications)
            let clients = PartnerBankClients(store: store, review: review)
            #expect(try await clients.applications(of: "bank-b").isEmpty, "nothing of the refused batch was written")
            // Decided now, the rule names the client and why.
            do {
                _ = try await onboarding.onboarding([other, shared], by: b, at: now)
                Issue.record("a business another bank introduced was onboarded again")
            } catch let refusal as OnboardingRefusal {
                #expect(refusal.problems.map(\.field) == ["clients[1].application.registrationNumber"])
                #expect(refusal.problems.first?.reason == .introducedByAnotherBank)
            }
            // Each bank sees its own clients only, and the other's file is not found.
            let mine = try await clients.applications(of: "bank-a")
            #expect(mine.map(\.legalName) == ["Ceramiche Oltrarno S.n.c."])
            let id = try #require(mine.first?.id)
            await #expect(throws: ApplicationFailure.notFound) { _ = try await clients.file(id, of: "bank-b", at: now) }
        }
    }

    @Test("keys: a bank's key signs it in, another's or a merchant's does not; the flagship's slug is one bank's", arguments: StoreKind.allCases)
    func keysAndFlagship(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let banks = PartnerBankService(store: store)
            let a = try await bank("bank-a", in: store), b = try await bank("bank-b", in: store)
            let key = try await banks.issueKey(bankID: a.id, label: "test", at: now)
            #expect(key.hasPrefix("bk_"))
            let (signed, keyID) = try #require(try await banks.bankAndKeyID(forKey: key))
            #expect(signed.id == "bank-a")
            #expect(try await banks.bank(id: "bank-a", keyID: keyID)?.id == "bank-a")
            #expect(try await banks.bank(id: "bank-b", keyID: keyID) == nil, "a session opened with A's key is not B's")
            #expect(try await banks.bankAndKeyID(forKey: "bk_" + String(repeating: "x", count: 43)) == nil)
            #expect(try await banks.bankAndKeyID(forKey: "mk_" + key.dropFirst(3)) == nil)
            await #expect(throws: PartnerBankFailure.notFound) { _ = try await banks.issueKey(bankID: "bank-z", label: "x", at: now) }
            // Revoked, the key signs nobody in, and the console session opened with it ends.
            let sessions = ConsoleSessions(store: store)
            let session = try await sessions.open(for: .bank(id: "bank-a", keyID: keyID), at: now)
            #expect(try await banks.revoking(keyID, of: "bank-b", at: now) == nil, "B cannot revoke A's key")
            try await store.apply(try #require(try await banks.revoking(keyID, of: "bank-a", at: now)))
            #expect(try await banks.bankAndKeyID(forKey: key) == nil)
            #expect(try await sessions.principal(forSession: session, at: now) == nil)
            #expect(try await banks.keys(of: "bank-a").map { $0.revokedAt != nil } == [true])
            #expect(try await banks.revoking(keyID, of: "bank-a", at: now) == nil, "a revoked key is not revoked twice")
            let draft = FlagshipDraft(slug: "florence", nameEn: "Florence", nameZh: "佛罗伦萨")
            try await store.apply(try banks.openingFlagship(draft, for: a, at: now).changes)
            #expect(try await banks.bank(flagship: "florence")?.id == "bank-a")
            await #expect(throws: StoreError.self) { try await store.apply(try banks.openingFlagship(draft, for: b, at: now).changes) }
            await #expect(throws: StoreError.self) { try await store.apply(try banks.registering(PartnerBankDraft(id: "bank-a", name: "Again", country: "IT", bic: "BANCITMM"), at: now).changes) }
        }
    }

    @Test("the demo's bank is loaded once: its earlier client and the approved one are its merchants, its flagship gathers their products",
          arguments: StoreKind.allCases)
    func demo(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            _ = try await DemoLoader.loadIfAbsent(into: store, at: now)
            #expect(try await DemoBankClients.loadIfAbsent(into: store, cipher: cipher, at: now))
            #expect(try await DemoBankClients.loadIfAbsent(into: store, cipher: cipher, at: now) == false)
            let review = ApplicationReview(store: store, applications: MerchantApplicationService(store: store, cipher: cipher))
            let clients = PartnerBankClients(store: store, review: review)
            let bankID = try #require(DemoPartnerBanks.bank.id)
            #expect(Set(try await clients.merchants(of: bankID).map(\.merchant.id)).contains(DemoPartnerBanks.earlierClient))
            #expect(try await clients.merchants(of: bankID).count == 2)
            #expect(Set(try await clients.applications(of: bankID).map(\.status)) == [.approved, .submitted])
            var query = ProductQuery()
            query.partnerBankID = bankID
            let page = try await CatalogSearch(store: store).search(query)
            let workshopStore = try #require(try await CatalogService(store: store).storefronts().first { $0.merchant.id == DemoPartnerBanks.earlierClient })
            #expect(page.total == workshopStore.productCount && page.total > 0)
            #expect(page.products.allSatisfy { $0.storefrontID == workshopStore.storefront.id })
        }
    }
}
