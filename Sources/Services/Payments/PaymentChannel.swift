import Commerce
import Foundation
import Money

/// A way to collect the buyer's CNY: a bank's direct connection or a partner institution.
/// Every call carries our own id (the payment's or the refund's), and a channel treats a
/// repeated id as the same request, as real ones do, so that asking again never charges twice.
public protocol PaymentChannel: Sendable {
    var profile: ChannelProfile { get }
    /// Charges the buyer. Throws `ChannelFailure.timeout` when the outcome is unknown and
    /// `.unavailable` when the channel certainly charged nothing.
    func charge(paymentID: String, amount: Money, at now: Date) async throws -> ChannelOutcome
    /// What the channel knows of a payment: the way an unknown outcome is settled.
    func status(paymentID: String, at now: Date) async throws -> ChannelOutcome
    /// Returns money to the account a payment came from.
    func refund(refundID: String, paymentID: String, amount: Money, at now: Date) async throws -> ChannelOutcome
    /// Every movement the channel made, as its daily statement lists them.
    func statement() async throws -> [ChannelMovement]
}

public enum ChannelFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// No answer in time: the buyer may or may not have been charged.
    case timeout
    /// The channel refused the call before doing anything.
    case unavailable(String)

    public var description: String {
        switch self {
        case .timeout: return "the payment channel did not answer in time"
        case .unavailable(let reason): return "the payment channel is unavailable: \(reason)"
        }
    }
}

/// The channels the platform can route to, by name.
public struct PaymentChannels: Sendable {
    public let all: [any PaymentChannel]

    public init(_ all: [any PaymentChannel]) {
        self.all = all
    }

    public subscript(name: String) -> (any PaymentChannel)? {
        all.first { $0.profile.name == name }
    }

    public var profiles: [ChannelProfile] { all.map(\.profile) }
}

/// Which channels failed lately. Three failures in a row within a minute mark a channel
/// unhealthy until it succeeds again or a minute passes, so routing falls back elsewhere.
public actor ChannelHealth {
    private var failures: [String: (count: Int, last: Date)] = [:]

    public init() {}

    public func record(_ channel: String, succeeded: Bool, at now: Date) {
        if succeeded {
            failures[channel] = nil
        } else {
            let count = (failures[channel].map { now.timeIntervalSince($0.last) < 60 ? $0.count : 0 } ?? 0) + 1
            failures[channel] = (count, now)
        }
    }

    public func unhealthy(at now: Date) -> Set<String> {
        Set(failures.filter { $0.value.count >= 3 && now.timeIntervalSince($0.value.last) < 60 }.keys)
    }
}
