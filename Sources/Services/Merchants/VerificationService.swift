import Commerce
import Foundation
import Storage

/// Runs the checks of submitted applications: the business register, the payout bank, the
/// sanctions list. Each answer is recorded once — a second answer to the same check (a retry,
/// another process, a provider answering twice) changes nothing — and an unavailable provider
/// is asked again later, less and less often. A failed check sends the application back to
/// the applicant with what to put right.
public struct VerificationService: Sendable {
    let store: any Store
    let applications: MerchantApplicationService
    let registry: any BusinessRegistry
    let bank: any BankAccountVerifier
    let sanctions: SanctionsList

    public static let work = "application checks"

    public init(store: any Store, applications: MerchantApplicationService, registry: any BusinessRegistry,
                bank: any BankAccountVerifier, sanctions: SanctionsList) {
        self.store = store
        self.applications = applications
        self.registry = registry
        self.bank = bank
        self.sanctions = sanctions
    }

    /// Asks the providers for every check that is due; returns how many were answered.
    @discardableResult
    public func run(at now: Date, limit: Int = 100) async throws -> Int {
        let rows = try await store.read(SQL(
            """
            SELECT c.application_id, c.check_name, c.submission, c.attempts FROM application_checks c
            JOIN merchant_applications a ON a.id = c.application_id
            WHERE c.answered_at IS NULL AND c.next_attempt_at <= ? AND a.status = 'submitted' AND a.submissions = c.submission
            ORDER BY c.next_attempt_at LIMIT ?
            """, bind: now.millisecondsSince1970, Int64(limit)))
        let due = try rows.map { row in
            (id: try row.text("application_id"), check: try row.text("check_name"), submission: try row.integer("submission"),
             attempts: try row.integer("attempts"))
        }
        // An application's three checks are usually due together: it is read and opened once a round.
        var opened: [String: MerchantApplication] = [:]
        return try await WorkFailures(store: store).round(Self.work, due, named: { "\($0.id) \($0.check)" }, at: now) { item in
            guard let check = VerificationCheck(rawValue: item.check) else { return false }
            let application: MerchantApplication
            if let known = opened[item.id] {
                application = known
            } else {
                application = try await applications.stored(id: item.id).application
                opened[item.id] = application
            }
            do {
                let (state, answer) = try await ask(check, about: application)
                return try await record(state, answer: answer, check: check, of: item.id, submission: item.submission, at: now)
            } catch let unavailable as ProviderUnavailable {
                try await store.apply([.write(SQL(
                    """
                    UPDATE application_checks SET attempts = attempts + 1, next_attempt_at = ?, answer = ?
                    WHERE application_id = ? AND check_name = ? AND submission = ? AND answered_at IS NULL
                    """,
                    bind: (now + Self.retryAfter(attempts: item.attempts + 1)).millisecondsSince1970, unavailable.description,
                    item.id, check.rawValue, item.submission))])
                return false
            }
        }
    }

    /// Five seconds after the first failure, doubling, at most an hour: a provider that is down
    /// for a while is not hammered, and one that is back is soon asked again.
    static func retryAfter(attempts: Int64) -> TimeInterval {
        min(3600, 5 * pow(2, Double(min(attempts - 1, 20))))
    }

    private func ask(_ check: VerificationCheck, about application: MerchantApplication) async throws -> (CheckState, String) {
        switch check {
        case .registry:
            let record = try await registry.lookup(RegistryQuery(
                legalName: application.legalName ?? "", country: application.country ?? "",
                registrationNumber: application.registrationNumber, dunsNumber: application.dunsNumber))
            return (VerificationRules.registry(record, applied: application), ApplicationChecks.encoded(record))
        case .bankAccount:
            let answer = try await bank.verify(application.payout ?? .init(), expectedHolder: application.payout?.holderName ?? "")
            return (VerificationRules.bankAccount(answer, applied: application), ApplicationChecks.encoded(answer))
        case .sanctions:
            let state = VerificationRules.sanctions(application, list: sanctions)
            return (state, ApplicationChecks.encoded(["entries": sanctions.entries.count]))
        }
    }

    /// Records an answer once; false when the check had been answered already.
    func record(_ state: CheckState, answer: String, check: VerificationCheck, of id: String, submission: Int64,
                at now: Date) async throws -> Bool {
        var changes: [Change] = [.guarded(SQL(
            """
            UPDATE application_checks SET state = ?, answer = ?, answered_at = ?, attempts = attempts + 1
            WHERE application_id = ? AND check_name = ? AND submission = ? AND answered_at IS NULL RETURNING check_name
            """,
            bind: ApplicationChecks.encoded(state), answer, now.millisecondsSince1970, id, check.rawValue, submission),
            conflict: "check \(check.rawValue) of \(id) was answered already")]
        if case .failed = state {
            changes.append(.write(SQL(
                "UPDATE merchant_applications SET status = 'changes-requested', updated_at = ? WHERE id = ? AND status = 'submitted' AND submissions = ?",
                bind: now.millisecondsSince1970, id, submission)))
        }
        do {
            try await store.apply(changes)
            return true
        } catch StoreError.conflict {
            return false
        }
    }
}
