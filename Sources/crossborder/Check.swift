import ArgumentParser
import Services
import Storage

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify a live database: the schema is current and the books balance.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolved()
        let report = try await database.withOpenStore(logger: Logs.make("crossborder.check")) { store in
            try await store.requireCurrentSchema()
            return try await LedgerCheck(store: store).run()
        }
        Console.line("schema: \(url) is at version \(Migrations.latestVersion)")
        guard report.problems.isEmpty else {
            for problem in report.problems { Console.error("ledger: \(problem)") }
            throw CommandFailure("the books do not balance: \(report.problems.count) problem(s) listed above")
        }
        Console.line("ledger: \(report.accounts) accounts, \(report.transfers) transfers; every currency balances, "
            + "every stored balance equals its transfers, no pending transfer resolved twice")
    }
}
