import Prometheus
import Storage
import Synchronization

/// The platform's Prometheus registry: HTTP requests and their latency by route, and database
/// transactions by outcome. One per application, so tests never share counters.
public final class PlatformMetrics: StoreMetrics {
    let registry = PrometheusCollectorRegistry()

    static let latencyBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]
    static var requests: MetricNameDescriptor { MetricNameDescriptor(
        metricName: "http_requests", unitName: "total", helpText: "HTTP requests by route, method and status") }
    static var requestLatency: MetricNameDescriptor { MetricNameDescriptor(
        metricName: "http_request_duration", unitName: "seconds", helpText: "HTTP request latency by route") }
    static var transactions: MetricNameDescriptor { MetricNameDescriptor(
        metricName: "db_transactions", unitName: "total", helpText: "Database write transactions by store and outcome") }
    static var transactionLatency: MetricNameDescriptor { MetricNameDescriptor(
        metricName: "db_transaction_duration", unitName: "seconds", helpText: "Database write transaction latency") }

    private let answered = Atomic<Int>(0)
    private let refused = Atomic<Int>(0)
    private let failed = Atomic<Int>(0)

    public init() {}

    /// Every answer so far, those refused (4xx) and those failed (5xx): the dashboard's error rate.
    var answers: (answered: Int, refused: Int, failed: Int) {
        (answered.load(ordering: .relaxed), refused.load(ordering: .relaxed), failed.load(ordering: .relaxed))
    }

    func recordRequest(route: String, method: String, status: Int, seconds: Double) {
        answered.add(1, ordering: .relaxed)
        if status >= 500 { failed.add(1, ordering: .relaxed) } else if status >= 400 { refused.add(1, ordering: .relaxed) }
        registry.makeCounter(descriptor: Self.requests,
                             labels: [("route", route), ("method", method), ("status", String(status))]).increment()
        registry.makeValueHistogram(descriptor: Self.requestLatency, labels: [("route", route)],
                                    buckets: Self.latencyBuckets).record(seconds)
    }

    public func recordTransaction(kind: StoreKind, outcome: TransactionOutcome, seconds: Double) {
        registry.makeCounter(descriptor: Self.transactions,
                             labels: [("store", kind.rawValue), ("outcome", outcome.rawValue)]).increment()
        registry.makeValueHistogram(descriptor: Self.transactionLatency, labels: [("store", kind.rawValue)],
                                    buckets: Self.latencyBuckets).record(seconds)
    }

    /// The Prometheus text exposition of everything recorded so far.
    func exposition() -> String { registry.emitToString() }
}
