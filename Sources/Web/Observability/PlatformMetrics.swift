import Prometheus
import Storage
import Synchronization

/// The platform's Prometheus registry: HTTP requests and their latency by route, and database
/// reads, transactions and statements. One per application, so tests never share counters.
///
/// The registry's own lookup builds the metric's name and labels and takes its lock on every
/// call; a request pays that several times, so each labelled series is looked up once and its
/// handle kept here, under one lock held for a dictionary lookup.
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
    static var statements: MetricNameDescriptor { MetricNameDescriptor(
        metricName: "db_statements", unitName: "total", helpText: "Statements in committed write transactions") }
    static var reads: MetricNameDescriptor { MetricNameDescriptor(
        metricName: "db_reads", unitName: "total", helpText: "Queries read outside write transactions") }
    static var readTime: MetricNameDescriptor { MetricNameDescriptor(
        metricName: "db_read_time", unitName: "seconds_total", helpText: "Time spent in those queries") }

    private struct RequestSeries: Hashable {
        let route: String
        let method: String
        let status: Int
    }

    private struct StoreSeries {
        let committed: Counter
        let conflict: Counter
        let failed: Counter
        let latency: ValueHistogram
        let statements: Counter
        let reads: Counter
        let readTime: Counter
    }

    private let answered = Atomic<Int>(0)
    private let refused = Atomic<Int>(0)
    private let failed = Atomic<Int>(0)
    private let requestCounters = Mutex<[RequestSeries: Counter]>([:])
    private let routeLatencies = Mutex<[String: ValueHistogram]>([:])
    private let sqlite: StoreSeries
    private let postgres: StoreSeries

    public init() {
        sqlite = Self.storeSeries(.sqlite, in: registry)
        postgres = Self.storeSeries(.postgres, in: registry)
    }

    private static func storeSeries(_ kind: StoreKind, in registry: PrometheusCollectorRegistry) -> StoreSeries {
        let store = [("store", kind.rawValue)]
        func outcome(_ outcome: TransactionOutcome) -> Counter {
            registry.makeCounter(descriptor: transactions, labels: store + [("outcome", outcome.rawValue)])
        }
        return StoreSeries(
            committed: outcome(.committed), conflict: outcome(.conflict), failed: outcome(.failed),
            latency: registry.makeValueHistogram(descriptor: transactionLatency, labels: store, buckets: latencyBuckets),
            statements: registry.makeCounter(descriptor: statements, labels: store),
            reads: registry.makeCounter(descriptor: reads, labels: store),
            readTime: registry.makeCounter(descriptor: readTime, labels: store))
    }

    /// Every answer so far, those refused (4xx) and those failed (5xx): the dashboard's error rate.
    var answers: (answered: Int, refused: Int, failed: Int) {
        (answered.load(ordering: .relaxed), refused.load(ordering: .relaxed), failed.load(ordering: .relaxed))
    }

    func recordRequest(route: String, method: String, status: Int, seconds: Double) {
        answered.add(1, ordering: .relaxed)
        if status >= 500 { failed.add(1, ordering: .relaxed) } else if status >= 400 { refused.add(1, ordering: .relaxed) }
        let key = RequestSeries(route: route, method: method, status: status)
        let counter = requestCounters.withLock { counters in
            if let known = counters[key] { return known }
            let made = registry.makeCounter(descriptor: Self.requests,
                                            labels: [("route", route), ("method", method), ("status", String(status))])
            counters[key] = made
            return made
        }
        counter.increment()
        let latency = routeLatencies.withLock { latencies in
            if let known = latencies[route] { return known }
            let made = registry.makeValueHistogram(descriptor: Self.requestLatency, labels: [("route", route)], buckets: Self.latencyBuckets)
            latencies[route] = made
            return made
        }
        latency.record(seconds)
    }

    private func series(_ kind: StoreKind) -> StoreSeries { kind == .sqlite ? sqlite : postgres }


    public func recordTransaction(kind: StoreKind, outcome: TransactionOutcome, seconds: Double, statements: Int) {
        let series = series(kind)
        switch outcome {
        case .committed:
            series.committed.increment()
            series.statements.increment(by: Int64(statements))
        case .conflict: series.conflict.increment()
        case .failed: series.failed.increment()
        }
        series.latency.record(seconds)
    }

    public func recordRead(kind: StoreKind, seconds: Double) {
        let series = series(kind)
        series.reads.increment()
        series.readTime.increment(by: seconds)
    }

    /// The Prometheus text exposition of everything recorded so far.
    func exposition() -> String { registry.emitToString() }
}
