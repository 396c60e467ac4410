/// Where a store reports each transaction it commits or rolls back, and each read, so that
/// /metrics (and `bench checkout`, which reads it) can show their count, statements and time
/// without the store knowing about Prometheus.
public protocol StoreMetrics: Sendable {
    /// `statements`: how many the transaction ran (its changes), counted when it commits.
    func recordTransaction(kind: StoreKind, outcome: TransactionOutcome, seconds: Double, statements: Int)
    func recordRead(kind: StoreKind, seconds: Double)
}

public enum TransactionOutcome: String, Sendable {
    case committed
    case conflict
    case failed
}

/// For tools that have nowhere to report to (`migrate`, `check`).
public struct UnobservedStore: StoreMetrics {
    public init() {}
    public func recordTransaction(kind: StoreKind, outcome: TransactionOutcome, seconds: Double, statements: Int) {}
    public func recordRead(kind: StoreKind, seconds: Double) {}
}
