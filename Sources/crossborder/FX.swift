import ArgumentParser
import Foundation
import Money
import Services
import Storage

struct FX: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fx", abstract: "Exchange rates.", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import rates from a CSV file with the header base,quote,rate,as_of,source.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The CSV file.")
        var file: String

        func run() async throws {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw CommandFailure("cannot read \(file): \(error.localizedDescription)")
            }
            let rates: [ExchangeRate]
            do { rates = try RateCSV.parse(text) } catch { throw CommandFailure("\(file): \(error)") }
            try await database.withOpenStore(logger: Logs.make("crossborder.fx")) { store in
                try await store.requireCurrentSchema()
                try await store.apply(RateService.recording(rates, at: Date()))
            }
            Console.line("imported \(rates.count) rate\(rates.count == 1 ? "" : "s") from \(file)")
        }
    }
}
