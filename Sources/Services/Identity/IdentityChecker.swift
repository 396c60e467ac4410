import Foundation

/// The answer of the real-name check (the public-security identity service, through a
/// licensed verification provider).
public enum IdentityCheckResult: String, Sendable, Equatable {
    /// Name, number and mobile belong together.
    case match
    /// They do not: the buyer must correct them.
    case mismatch
    /// The service did not answer; try again later.
    case unavailable
}

/// Checks a buyer's real name, identity number and mobile number together. The real adapter
/// calls a provider we cannot reach here; the sandbox behaves like one.
public protocol IdentityChecker: Sendable {
    func check(name: String, idNumber: String, mobile: String) async -> IdentityCheckResult
}

/// A provider's test environment: a small delay, and answers chosen by the number's sequence
/// digits as providers' test numbers are — 999 never matches, 998 finds the service down;
/// every other number matches. `outageRate` adds random outages, as a real provider has.
public struct SandboxIdentityChecker: IdentityChecker {
    public var delay: Duration
    public var outageRate: Double

    public init(delay: Duration = .milliseconds(30), outageRate: Double = 0) {
        self.delay = delay
        self.outageRate = outageRate
    }

    public func check(name: String, idNumber: String, mobile: String) async -> IdentityCheckResult {
        try? await Task.sleep(for: delay)  // safe: a cancelled wait only makes the sandbox answer sooner
        if outageRate > 0, Double.random(in: 0..<1) < outageRate { return .unavailable }
        let sequence = idNumber.dropFirst(14).prefix(3)
        switch sequence {
        case "999": return .mismatch
        case "998": return .unavailable
        default: return .match
        }
    }
}
