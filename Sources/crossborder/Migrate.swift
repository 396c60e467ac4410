import ArgumentParser
import Foundation
import Services
import Storage

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolved()
        let applied = try await database.withOpenStore(logger: Logs.make("crossborder.migrate")) { store in
            try await store.migrate()
        }
        Console.line(applied.isEmpty
              ? "\(url) is already at schema version \(Migrations.latestVersion)"
              : "applied migrations \(applied.map(String.init).joined(separator: ", ")) to \(url)")
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load the demo stores, products and rates into a database.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolved()
        let loaded = try await database.withOpenStore(logger: Logs.make("crossborder.demo")) { store in
            try await store.migrate()
            return try await DemoLoader.loadIfAbsent(into: store, at: .now)
        }
        Console.line(loaded ? "loaded the demo data into \(url)" : "\(url) already has the demo data")
    }
}
