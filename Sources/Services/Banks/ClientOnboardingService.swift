import Commerce
import Foundation
import Storage

/// A client a partner bank introduced, as its answer lists it: the application made for it,
/// submitted, with the key the client resumes it with and the checks the bank's word stands for.
public struct IntroducedApplication: Sendable, Equatable {
    public let reference: String?
    public let stored: StoredApplication
    public let resumeKey: String
    public let attested: [VerificationCheck]
}

/// A partner bank onboarding its clients in bulk. The batch is decided whole by
/// `ClientOnboarding` — one bad client refuses it all, naming every problem — and written in one
/// transaction: each client an application submitted for review, the checks the bank attested
/// passed on its word, the others asked of the providers as any applicant's are. A business
/// another batch introduced meanwhile fails the transaction on its unique key, so nothing is
/// half-written.
public struct ClientOnboardingService: Sendable {
    let store: any Store
    let applications: MerchantApplicationService

    public init(store: any Store, applications: MerchantApplicationService) {
        self.store = store
        self.applications = applications
    }

    public func onboarding(_ clients: [IntroducedClient], lines: [Int] = [], by bank: PartnerBank,
                           at now: Date) async throws -> (changes: [Change], introduced: [IntroducedApplication]) {
        let keys = Array(Set(clients.prefix(ClientOnboarding.batchLimit).compactMap { ClientOnboarding.clientKey($0.application) }))
        var introduced: [String: String] = [:]
        if !keys.isEmpty {
            for row in try await store.read(SQL(
                "SELECT client_key, partner_bank_id FROM merchant_applications WHERE client_key IN (\(SQL.placeholders(keys.count)))",
                keys.map { $0.sqlValue })) {
                introduced[try row.text("client_key")] = try row.text("partner_bank_id")
            }
        }
        let problems = ClientOnboarding.problems(clients, bank: bank, introduced: introduced, today: Day(beijing: now))
        guard problems.isEmpty else { throw OnboardingRefusal(problems, lines: lines) }
        var changes: [Change] = []
        var answer: [IntroducedApplication] = []
        for client in clients {
            guard let key = ClientOnboarding.clientKey(client.application) else {
                // The rules refuse a client with no key; a batch is never written without one of its clients.
                throw OnboardingRefusal([ApplicationProblem("clients", .required)], lines: lines)
            }
            let reference = ApplicationRules.present(client.reference)
            let (made, stored) = try applications.introducing(client.application, by: bank.id, clientKey: key, clientReference: reference, at: now)
            let attested = ClientOnboarding.attested(client)
            let word = ApplicationChecks.encoded([
                "attestedBy": bank.id, "bank": bank.name, "reference": client.attestation?.reference ?? "",
                "checkedOn": client.attestation?.checkedOn ?? "",
            ])
            changes += made + ApplicationChecks.starting(stored, attested: Dictionary(uniqueKeysWithValues: attested.map { ($0, word) }), at: now)
            answer.append(IntroducedApplication(reference: reference, stored: stored, resumeKey: applications.resumeKey(for: stored.id), attested: attested))
        }
        return (changes, answer)
    }
}
