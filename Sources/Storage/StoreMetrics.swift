/// Where a store reports each transaction it commits or rolls back, so that /metrics can show
/// their count and latency without the store knowing about Prometheus.
public protocol StoreMetrics: Sendable {
    func recordTransaction(kind: StoreKind, outcome: TransactionOutcome, seconds: Double)
}

public enum TransactionOutcome: String, Sendable {
    case committed
    case conflict
    case failed
}

/// For tools that have nowhere to report to (`migrate`, `check`).
public struct UnobservedStore: StoreMetrics {
    public init() {}
    public func recordTransaction(kind: StoreKind, outcome: TransactionOutcome, seconds: Double) {}
}
