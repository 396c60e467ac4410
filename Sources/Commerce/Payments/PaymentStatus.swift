/// Where a payment stands. An outcome the channel has not told us is `unknown` until a status
/// query settles it; a payment never moves back from an outcome, so a late or repeated report
/// changes nothing.
public enum PaymentStatus: String, Sendable, Codable, CaseIterable {
    /// Recorded before the channel is called, so that a crash leaves a trace to recover from.
    case initiated
    /// The channel accepted it and will report the outcome later (a partner institution).
    case processing
    /// The call timed out: the buyer may or may not have been charged.
    case unknown
    case succeeded
    case failed

    public var isSettled: Bool { self == .succeeded || self == .failed }

    /// Whether a report of `next` moves a payment in this state: only forward.
    public func accepts(_ next: PaymentStatus) -> Bool {
        switch (self, next) {
        case (.succeeded, _), (.failed, _): return false
        case (_, .initiated): return false
        case (.processing, .unknown), (.processing, .processing): return false
        default: return self != next
        }
    }
}

/// What a channel says about a payment.
public enum ChannelOutcome: Sendable, Hashable {
    case succeeded(reference: String)
    case declined(reason: String)
    /// Accepted; the outcome comes later by callback or status query.
    case processing(reference: String)
    /// The channel has no record of the payment: it was never charged.
    case notFound

    public var status: PaymentStatus {
        switch self {
        case .succeeded: return .succeeded
        case .declined, .notFound: return .failed
        case .processing: return .processing
        }
    }
}
