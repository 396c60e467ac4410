import Foundation

/// What a merchant may do on the platform once its application is through.
public enum Capability: String, Sendable, CaseIterable, Codable {
    case sell
    /// Being paid out: until it is enabled, what the merchant earns is held, not lost.
    case payouts
}

/// One thing standing between an application and a capability, as Stripe Connect's
/// requirements describe them: due now, due later, past its date, waiting for a check or a
/// person, or failed and to be put right by a date.
public struct Requirement: Sendable, Equatable {
    public enum Status: String, Sendable {
        case currentlyDue = "currently-due"
        case pastDue = "past-due"
        case pendingVerification = "pending-verification"
        case error
    }

    public enum Code: String, Sendable {
        case registry = "business.registry"
        case bankAccount = "payout.bank-account"
        case sanctions = "screening.sanctions"
        case opsReview = "review.ops"
        /// A second person at ops confirms an approval of a business in a high risk band.
        case secondReview = "review.second-person"
    }

    public let code: Code
    public let capabilities: [Capability]
    public let status: Status
    public let reason: VerificationReason?
    /// When an error must be put right by; past it, the requirement is past due.
    public let dueBy: Date?
}

/// Where a check stands and when its answer came.
public struct CheckOutcome: Sendable, Equatable {
    public let check: VerificationCheck
    public let state: CheckState
    public let answeredAt: Date?

    public init(check: VerificationCheck, state: CheckState, answeredAt: Date?) {
        self.check = check
        self.state = state
        self.answeredAt = answeredAt
    }
}

public enum Requirements {
    /// Days an applicant has to put a failed check right: the platform's own policy, set on
    /// 2026-12-02 after Stripe Connect's default of acting before a capability's deadline.
    public static let remedyDays = 14

    /// The requirements left for `checks` and ops' decisions: `approvals` people at ops have
    /// approved (two are needed when the register puts the business in a high risk band).
    public static func evaluate(_ checks: [CheckOutcome], approvals: Int, now: Date) -> [Requirement] {
        var left: [Requirement] = []
        let codes: [VerificationCheck: (Requirement.Code, [Capability])] = [
            .registry: (.registry, [.sell, .payouts]), .bankAccount: (.bankAccount, [.payouts]), .sanctions: (.sanctions, [.sell, .payouts]),
        ]
        for check in VerificationCheck.allCases {
            guard let (code, capabilities) = codes[check] else { continue }
            let outcome = checks.first { $0.check == check }
            switch outcome?.state ?? .pending {
            case .passed:
                continue
            case .pending:
                left.append(Requirement(code: code, capabilities: capabilities, status: .pendingVerification, reason: nil, dueBy: nil))
            case .review(let reason):
                left.append(Requirement(code: code, capabilities: capabilities, status: .pendingVerification, reason: reason, dueBy: nil))
            case .failed(let reason):
                let dueBy = (outcome?.answeredAt ?? now).addingTimeInterval(TimeInterval(remedyDays * 86_400))
                left.append(Requirement(code: code, capabilities: capabilities, status: now > dueBy ? .pastDue : .error, reason: reason, dueBy: dueBy))
            }
        }
        if approvals < 1 {
            left.append(Requirement(code: .opsReview, capabilities: [.sell, .payouts], status: .pendingVerification, reason: nil, dueBy: nil))
        }
        let risky = checks.contains { if case .review(.highRisk) = $0.state { true } else { false } }
        if risky && approvals < 2 {
            left.append(Requirement(code: .secondReview, capabilities: [.sell, .payouts], status: .pendingVerification, reason: nil, dueBy: nil))
        }
        return left
    }

    /// Whether nothing left stands in the way of `capability`.
    public static func enabled(_ capability: Capability, _ left: [Requirement]) -> Bool {
        !left.contains { $0.capabilities.contains(capability) }
    }

    /// Whether ops may approve now: every check answered, none failed. What is under review is
    /// what the approval decides.
    public static func approvable(_ checks: [CheckOutcome]) -> Bool {
        VerificationCheck.allCases.allSatisfy { check in
            switch checks.first(where: { $0.check == check })?.state ?? .pending {
            case .passed, .review: true
            case .pending, .failed: false
            }
        }
    }
}
