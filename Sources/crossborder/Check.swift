import ArgumentParser
import Storage

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify a live database: the schema is current (and, as they arrive, the books balance).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolved()
        try await database.withOpenStore(logger: Logs.make("crossborder.check")) { store in
            try await store.requireCurrentSchema()
        }
        Console.line("ok: \(url) is at schema version \(Migrations.latestVersion)")
    }
}
