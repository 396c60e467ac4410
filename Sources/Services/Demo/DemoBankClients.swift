import Commerce
import Foundation
import Storage

/// Puts the demo's partner bank in once, through the same services a real bank and ops use:
/// made a partner, the demo catalogue's workshop marked as its earlier client, its flagship
/// opened, two clients onboarded in one batch, checked, and one approved.
public enum DemoBankClients {
    @discardableResult
    public static func loadIfAbsent(into store: any Store, cipher: FieldCipher, at now: Date) async throws -> Bool {
        guard try await DemoMarker.apply([], marking: "demo_partner_bank_loaded", to: store, at: now) else { return false }
        let banks = PartnerBankService(store: store)
        let (register, registered) = try banks.registering(DemoPartnerBanks.bank, at: now)
        try await store.apply(register + [.write(SQL("UPDATE merchants SET partner_bank_id = ? WHERE id = ?",
                                                      bind: registered.id, DemoPartnerBanks.earlierClient))])
        try await store.apply(try banks.openingFlagship(DemoPartnerBanks.flagship, for: registered, at: now).changes)
        let applications = MerchantApplicationService(store: store, cipher: cipher)
        let clients = DemoPartnerBanks.clients(checkedOn: Day(beijing: now).adding(days: -20))
        let (onboard, introduced) = try await ClientOnboardingService(store: store, applications: applications)
            .onboarding(clients.map(\.client), by: registered, at: now)
        try await store.apply(onboard)
        try await VerificationService(store: store, applications: applications, registry: SandboxRegistry(delay: .zero),
                                      bank: SandboxBankAccounts(delay: .zero), sanctions: try SanctionsList(sdnCSV: SanctionsSample.sdnCSV))
            .run(at: now)
        let review = ApplicationReview(store: store, applications: applications)
        for (client, application) in zip(clients, introduced) {
            guard let reviewer = client.approvedBy else { continue }
            try await store.apply(try await review.deciding(.approve, on: application.stored.id, reviewer: reviewer, reason: nil, at: now).changes)
        }
        return true
    }
}
