import ArgumentParser
import Commerce
import Foundation
import Logging
import Money
import Services
import Storage

/// Double 11 on this machine: prepares verified buyers, starts `crossborder serve` on the
/// chosen database, and drives `POST /api/v1/me/buy-now` (order, allowance, stock, tax, escrow
/// payment) over keep-alive connections; then, with the same client and connections, the
/// server's trivial endpoint as the ceiling of the same run.
struct BenchCheckout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checkout", abstract: "Orders per second through the real HTTP API.")

    @Option(name: .customLong("database-url"), help: "The database to serve (default: a scratch SQLite file, removed afterwards).")
    var databaseURL: String?

    @Option(help: "How many verified buyers to prepare.")
    var buyers = 400

    @Option(help: "Keep-alive connections.")
    var connections = 32

    @Option(help: "Seconds of buying.")
    var seconds = 15.0

    @Option(name: .customLong("ceiling-seconds"), help: "Seconds of the trivial endpoint.")
    var ceilingSeconds = 5.0

    @Option(help: "Orders per second to offer, spread over the connections (default: as fast as answers come).")
    var rate: Double?

    @Flag(help: "A flash sale: every buyer on one SKU with --flash-stock units; the run ends when it sells out.")
    var flash = false

    @Option(name: .customLong("flash-stock"), help: "Units of the flash-sale SKU.")
    var flashStock = 20_000

    @Option(name: .customLong("group-commit"), help: "on, off (one transaction per write: the naive baseline) or auto (the server's default).")
    var groupCommit = "auto"

    @Option(name: .customLong("channel-delay-ms"), help: "How long the sandbox bank takes to answer.")
    var channelDelayMS = 0

    @Option(help: "Completed orders from a year ago to store before the run (cost per order as the database grows).")
    var history = 0

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Option(name: .customLong("prepare-only"),
            help: "Only prepare the buyers in --database-url and write them, with the data key to serve with, as a Lua file for wrk (Benchmarks/wrk).")
    var prepareOnly: String?

    @Option(help: "serve processes on the one database, the connections shared among them (PostgreSQL only).")
    var servers = 1

    func validate() throws {
        if servers != 1, !(1...8).contains(servers) || !(databaseURL ?? "").hasPrefix("postgres") {
            throw ValidationError("--servers above 1 needs a PostgreSQL --database-url (one serve per SQLite file), and at most 8")
        }
        if prepareOnly != nil, databaseURL == nil { throw ValidationError("--prepare-only needs --database-url: the server it is for will serve it") }
    }

    func run() async throws {
        let scratch = databaseURL == nil ? FileManager.default.temporaryDirectory.appendingPathComponent("bench-checkout-\(UUID().uuidString)") : nil
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        let url = databaseURL ?? "sqlite:" + (scratch?.appendingPathComponent("bench.sqlite").path ?? "")
        let parsed: DatabaseURL
        do { parsed = try DatabaseURL(parsing: url) } catch { throw CommandFailure(error.description) }
        let key = FieldCipher.newKey()
        let cipher = try FieldCipher(base64Key: key)
        let logger = Logs.make("crossborder.bench")
        Console.error("preparing \(buyers) verified buyers on \(parsed)")
        let prepared = try await withStore(parsed, logger: logger) { store in
            try await BenchBuyers.prepare(store, cipher: cipher, count: buyers, flashStock: flash ? flashStock : nil, history: history)
        }
        if let prepareOnly {
            try prepared.lua(dataKey: key).write(toFile: prepareOnly, atomically: true, encoding: .utf8)
            Console.error("wrote \(prepared.buyers.count) buyers and \(prepared.skus.count) SKUs to \(prepareOnly)")
            return
        }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("bench-checkout-server.log").path
        var arguments = ["--database-url", url, "--data-key", key, "--ops-token", "bench-ops", "--no-rate-feed",
                         "--channel-delay-ms", String(channelDelayMS)]
        arguments += ["--group-commit", groupCommit]
        let group = try (0..<servers).map { n in try ServerProcess(arguments: arguments, log: n == 0 ? log : log + ".\(n)") }
        defer { for server in group { server.stop() } }
        let server = group[0]
        let ports = group.map(\.port)
        func cpuSeconds() -> Double { group.reduce(0) { $0 + $1.cpuSeconds } }
        let driver = LoadDriver(ports: ports, connections: connections)
        let (ceiling, healthzCPU) = Self.healthCeiling(driver, seconds: ceilingSeconds, cpuSeconds: cpuSeconds)

        let memoryStart = server.residentMiB
        let sampler = MemorySampler(server: server)
        sampler.start()
        let sold = Counter()
        let target = flash ? flashStock : Int.max
        let before = try MetricsScrape.take(ports: ports)
        let cpuBefore = cpuSeconds()
        let deadlocksBefore = try await Self.deadlocks(parsed, logger: logger)
        let started = Date()
        let work = driver.run(for: flash ? max(seconds, 600) : seconds, ratePerSecond: rate, next: { connection, n in
            prepared.request(connection: connection, n: n, connections: connections)
        }, judge: { answer in
            if answer.status == 201, answer.body.paid {
                sold.add(1)
                return ("ok", nil)
            }
            return (BenchBuyers.kind(of: answer), nil)
        }, stop: { sold.value >= target })
        let elapsed = Date().timeIntervalSince(started)
        let cpu = cpuSeconds() - cpuBefore
        let after = try MetricsScrape.take(ports: ports)
        let deadlocks = try await Self.deadlocks(parsed, logger: logger).map { $0 - (deadlocksBefore ?? 0) }
        sampler.stop()
        let memoryEnd = server.residentMiB
        for server in group { server.stop() }
        let bare = try Self.bareCeiling(connections: connections, seconds: ceilingSeconds)

        var results: [String: Double] = [
            "orders_per_s": Double(work.succeeded) / elapsed,
            "orders": Double(work.succeeded),
            "seconds": elapsed,
            "p50_ms": work.percentileMS(0.50), "p99_ms": work.percentileMS(0.99), "p999_ms": work.percentileMS(0.999),
            "ceiling_requests_per_s": Double(ceiling.succeeded) / ceilingSeconds,
            "ceiling_p99_ms": ceiling.percentileMS(0.99),
            "server_rss_start_mib": memoryStart, "server_rss_end_mib": memoryEnd, "server_rss_max_mib": sampler.max,
            "connections": Double(connections), "buyers": Double(buyers), "history_orders": Double(history),
            "group_commit": groupCommit == "off" ? 0 : 1, "servers": Double(servers),
        ]
        if let deadlocks { results["pg_deadlocks"] = Double(deadlocks) }
        // Where an order's time goes, per order taken: the server's CPU, its wall time inside
        // the route, its reads (count and time), its share of commits and statements.
        let orders = Double(max(work.succeeded, 1))
        let route = #"route="/api/v1/me/buy-now""#
        results["cpu_us_per_order"] = cpu / orders * 1_000_000
        results["route_wall_us_per_request"] = before.delta(after, "http_request_duration_seconds_sum", label: route)
            / max(before.delta(after, "http_request_duration_seconds_count", label: route), 1) * 1_000_000
        results["reads_per_order"] = before.delta(after, "db_reads_total") / orders
        results["read_us_per_order"] = before.delta(after, "db_read_time_seconds_total") / orders * 1_000_000
        results["commits_per_order"] = before.delta(after, "db_transactions_total", label: #"outcome="committed""#) / orders
        results["statements_per_order"] = before.delta(after, "db_statements_total") / orders
        results["commit_wall_us_per_order"] = before.delta(after, "db_transaction_duration_seconds_sum") / orders * 1_000_000
        results["server_cores_busy"] = cpu / elapsed
        results["healthz_cpu_us_per_request"] = healthzCPU * 1_000_000
        results["bare_requests_per_s"] = bare.perSecond
        results["bare_cpu_us_per_request"] = bare.cpuPerRequest * 1_000_000
        results["healthz_to_bare"] = (results["ceiling_requests_per_s"] ?? 0) / max(bare.perSecond, 1)
        if let rate { results["offered_orders_per_s"] = rate }
        for (minute, mib) in sampler.byMinute.enumerated() { results[String(format: "server_rss_mib_minute_%02d", minute + 1)] = mib }
        results["ratio_to_ceiling"] = (results["orders_per_s"] ?? 0) / max(results["ceiling_requests_per_s"] ?? 1, 1)
        for (kind, count) in work.kinds where kind != "ok" { results["errors[\(kind)]"] = Double(count) }
        let check = try await withStore(parsed, logger: logger) { store in
            try await BenchBuyers.check(store, flashSKU: flash ? prepared.skus.first : nil)
        }
        for (name, value) in check { results[name] = value }
        results["declarations_behind_seconds"] = (results["declarations_behind_orders"] ?? 0) / max(results["orders_per_s"] ?? 1, 1)
        try BenchReport.print(results, json: json)
    }
}

extension BenchCheckout {
    /// `pg_stat_database.deadlocks` of the benchmark's database; nil on SQLite.
    static func deadlocks(_ url: DatabaseURL, logger: Logger) async throws -> Int64? {
        guard case .postgres = url else { return nil }
        return try await withStore(url, logger: logger) { store in
            try await store.read(SQL("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")).first?.integer("deadlocks")
        }
    }

    /// The same client on a route with no middleware and no platform, from this same binary
    /// (`crossborder bare-serve`): what the HTTP stack alone can answer here.
    static func bareCeiling(connections: Int, seconds: Double) throws -> (perSecond: Double, cpuPerRequest: Double) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("bench-checkout-bare.log").path
        let bare = try ServerProcess(command: "bare-serve", arguments: [], log: log)
        defer { bare.stop() }
        let (tally, cpuPerRequest) = healthCeiling(LoadDriver(port: bare.port, connections: connections), seconds: seconds,
                                                   cpuSeconds: { bare.cpuSeconds })
        return (Double(tally.succeeded) / seconds, cpuPerRequest)
    }

    /// `GET /healthz` as fast as answers come, after a second's warm-up: the run's tally and the
    /// servers' CPU seconds per answer.
    static func healthCeiling(_ driver: LoadDriver, seconds: Double, cpuSeconds: () -> Double) -> (tally: LoadDriver.Tally, cpuPerRequest: Double) {
        let health = LoadDriver.Request(method: "GET", path: "/healthz", headers: [], body: [])
        let judge: @Sendable (LoadDriver.Answer) -> (kind: String, keep: String?) = { ($0.status == 200 ? "ok" : "\($0.status)", nil) }
        _ = driver.run(for: 1, ratePerSecond: nil, next: { _, _ in health }, judge: judge)
        let before = cpuSeconds()
        let tally = driver.run(for: seconds, ratePerSecond: nil, next: { _, _ in health }, judge: judge)
        return (tally, (cpuSeconds() - before) / Double(max(tally.succeeded, 1)))
    }
}

/// A counter the connections share.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add(_ n: Int) { lock.withLock { count += n } }
}

/// The server's memory once a second while the load runs.
final class MemorySampler: @unchecked Sendable {
    let server: ServerProcess
    private let lock = NSLock()
    private var running = true
    private var highest = 0.0
    private var samples: [Double] = []
    var max: Double { lock.withLock { highest } }
    /// The memory at the end of each whole minute of the run, to see whether it levels off.
    var byMinute: [Double] { lock.withLock { stride(from: 59, to: samples.count, by: 60).map { samples[$0] } } }

    init(server: ServerProcess) {
        self.server = server
    }

    func start() {
        Thread { [self] in
            while lock.withLock({ running }) {
                let now = server.residentMiB
                lock.withLock {
                    highest = Swift.max(highest, now)
                    samples.append(now)
                }
                sleep(1)
            }
        }.start()
    }

    func stop() { lock.withLock { running = false } }
}

extension [UInt8] {
    /// An answer of buy now whose payment succeeded.
    var paid: Bool { String(decoding: self, as: UTF8.self).contains(#""status":"succeeded""#) }
}
