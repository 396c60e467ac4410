import ArgumentParser
import Services
import Storage

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify a live database: the schema is current and the books balance.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolved()
        let (report, orderProblems) = try await database.withOpenStore(logger: Logs.make("crossborder.check")) { store in
            try await store.requireCurrentSchema()
            return (try await LedgerCheck(store: store).run(), try await OrderBooksCheck(store: store).run())
        }
        Console.line("schema: \(url) is at version \(Migrations.latestVersion)")
        for problem in report.problems { Console.error("ledger: \(problem)") }
        for problem in orderProblems { Console.error("orders: \(problem)") }
        guard report.problems.isEmpty, orderProblems.isEmpty else {
            throw CommandFailure("the books do not agree: \(report.problems.count + orderProblems.count) problem(s) listed above")
        }
        Console.line("ledger: \(report.accounts) accounts, \(report.transfers) transfers; every currency balances, "
            + "every stored balance equals its transfers, no pending transfer resolved twice")
        Console.line("orders: every SKU's reservation is what its orders hold, never above stock; every allowance is what its orders count")
    }
}
