import ArgumentParser
import Foundation
import Ledger
import Money
import Services
import Storage

/// Batch posting through the real ledger path (load what a batch touches, decide with the
/// ledger's rules, record transfers and balance deltas in one transaction), next to the
/// ceiling of the same run: the same rows inserted by a plain loop into a table with the
/// transfers' columns and no rules, through the same store.
struct BenchLedger: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ledger", abstract: "Ledger batch posting, transfers per second.")

    @Option(help: "A database to run on; by default a fresh SQLite file in the temporary folder.")
    var databaseURL: String?

    @Option(help: "How many transfers to post in all.")
    var transfers = 400_000

    @Option(help: "How many transfers per batch (one transaction each).")
    var batch = 8_000

    @Option(help: "How many accounts the transfers move money between.")
    var accounts = 1_000

    @Flag(help: "Print the results as JSON.")
    var json = false

    func validate() throws {
        guard transfers > 0, (1...30_000).contains(batch), accounts >= 2 else {
            throw ValidationError("--transfers must be positive, --batch from 1 to 30000, --accounts at least 2")
        }
    }

    func run() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("crossborder-bench-\(UUID().uuidString).sqlite").path
        let url = try databaseURL.map(DatabaseURL.init(parsing:)) ?? .sqlite(path: scratch)
        // The scratch database is the run's own: it goes when the run ends, however it ends.
        defer {
            if databaseURL == nil {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch + suffix) }
            }
        }
        let results = try await withStore(url, logger: Logs.make("crossborder.bench")) { store in
            try await store.migrate()
            return try await measure(store)
        }
        try BenchReport.print(results, json: json)
    }

    func measure(_ store: any Store) async throws -> [String: Double] {
        let now = Date()
        let run = UUID().uuidString.prefix(8).lowercased()
        let ledger = LedgerService(store: store)
        let names = (0..<accounts).map { "bench:\(run):\($0):CNY" }
        try await ledger.open(names.map { Account(id: $0, currency: .CNY) }, at: now)
        try await store.apply([.write(SQL(
            """
            CREATE TABLE IF NOT EXISTS bench_plain_transfers (id TEXT PRIMARY KEY, kind TEXT NOT NULL, debit_account TEXT NOT NULL,
                credit_account TEXT NOT NULL, amount BIGINT NOT NULL, currency TEXT NOT NULL, pending_id TEXT, pending_status TEXT,
                code TEXT NOT NULL, created_at BIGINT NOT NULL)
            """))])
        var generator = SystemRandomNumberGenerator()
        let batches: [[TransferRequest]] = stride(from: 0, to: transfers, by: batch).map { start in
            (start..<min(transfers, start + batch)).map { n in
                let debit = Int.random(in: 0..<accounts, using: &generator)
                let credit = (debit + Int.random(in: 1..<accounts, using: &generator)) % accounts
                return .single(id: "bench:\(run):\(n)", debit: names[debit], credit: names[credit],
                               amount: Money(minorUnits: Int64.random(in: 1...1_000_000, using: &generator), currency: .CNY), code: "bench")
            }
        }
        // LedgerService.post, phase by phase, so that the figures say where the time goes.
        var phases: [String: Double] = ["load": 0, "decide": 0, "write": 0]
        let postStart = ContinuousClock.now
        for requests in batches {
            var clock = ContinuousClock.now
            let state = try await LedgerService.load(for: requests, from: store)
            phases["load", default: 0] += clock.secondsElapsed
            clock = .now
            let changes = LedgerRecords.recording(try Ledger.apply(requests, to: state, at: now), loaded: state, on: store.kind)
            phases["decide", default: 0] += clock.secondsElapsed
            clock = .now
            try await store.apply(changes)
            phases["write", default: 0] += clock.secondsElapsed
        }
        let posted = postStart.secondsElapsed

        let plainStart = ContinuousClock.now
        for requests in batches {
            try await store.apply(requests.map { request in
                guard case .single(let id, let debit, let credit, let amount, let code) = request else { return .write(SQL("SELECT 1")) }
                return .write(SQL(
                    """
                    INSERT INTO bench_plain_transfers (id, kind, debit_account, credit_account, amount, currency, pending_id, pending_status, code, created_at)
                    VALUES (?, 'single', ?, ?, ?, ?, NULL, NULL, ?, ?)
                    """, bind: id, debit, credit, amount.minorUnits, amount.currency.code, code, now.millisecondsSince1970))
            })
        }
        let plain = plainStart.secondsElapsed
        let check = try await LedgerCheck(store: store).run()
        guard check.problems.isEmpty else { throw CommandFailure("the books do not balance after the run: \(check.problems.prefix(3))") }
        let ledgerRate = Double(transfers) / posted
        let plainRate = Double(transfers) / plain
        return ["ledger_transfers_per_second": ledgerRate, "ceiling_plain_inserts_per_second": plainRate,
                "ratio_to_ceiling": ledgerRate / plainRate, "transfers": Double(transfers), "batch": Double(batch),
                "phase_load_seconds": phases["load"] ?? 0, "phase_decide_seconds": phases["decide"] ?? 0,
                "phase_write_seconds": phases["write"] ?? 0]
    }
}
