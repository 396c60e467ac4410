import Commerce
import Foundation
import Storage

/// Puts the demo's applicants in once, each taken as far as its step through the same services
/// a real applicant and ops go through: started, submitted, checked by the sandbox providers,
/// decided. The marker row goes first, so two servers starting together load them once.
public enum DemoApplicants {
    @discardableResult
    public static func loadIfAbsent(into store: any Store, cipher: FieldCipher, at now: Date) async throws -> Bool {
        guard try await DemoMarker.apply([], marking: "demo_applicants_loaded", to: store, at: now) else { return false }
        let applications = MerchantApplicationService(store: store, cipher: cipher)
        let verification = VerificationService(store: store, applications: applications, registry: SandboxRegistry(delay: .zero),
                                               bank: SandboxBankAccounts(delay: .zero), sanctions: try SanctionsList(sdnCSV: SanctionsSample.sdnCSV))
        let review = ApplicationReview(store: store, applications: applications)
        for entry in DemoApplications.entries {
            let (start, draft) = try applications.starting(entry.application, at: now)
            try await store.apply(start)
            if case .draft = entry.outcome { continue }
            let (submit, _) = try await applications.submitting(id: draft.id, key: applications.resumeKey(for: draft.id), revision: nil, at: now)
            try await store.apply(submit)
            try await verification.run(at: now)
            switch entry.outcome {
            case .draft, .inReview: break
            case .approved(let reviewer):
                try await store.apply(try await review.deciding(.approve, on: draft.id, reviewer: reviewer, reason: nil, at: now).changes)
            case .rejected(let reviewer, let reason):
                try await store.apply(try await review.deciding(.reject, on: draft.id, reviewer: reviewer, reason: reason, at: now).changes)
            case .suspended(let reviewer, let reason):
                try await store.apply(try await review.deciding(.approve, on: draft.id, reviewer: reviewer, reason: nil, at: now).changes)
                try await store.apply(try await review.deciding(.suspend, on: draft.id, reviewer: reviewer, reason: reason, at: now).changes)
            }
        }
        return true
    }
}
