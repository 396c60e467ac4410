import ArgumentParser
import Foundation
import Services
import Storage

struct BankKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank-key",
        abstract: "Issue an API key for a partner bank (printed once; only its hash is kept).",
        discussion: "The bank signs in to /bank with it and sends it as Authorization: Bearer to /api/v1/bank/….")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The partner bank's id, for example bank-lungarno.")
    var bank: String

    @Option(help: "What the key is for, to tell keys apart later.")
    var label = "api"

    func run() async throws {
        let key = try await database.withOpenStore(logger: Logs.make("crossborder.bank-key")) { store -> String in
            try await store.requireCurrentSchema()
            do {
                return try await PartnerBankService(store: store).issueKey(bankID: bank, label: label, at: Date())
            } catch PartnerBankFailure.notFound {
                throw CommandFailure("no partner bank \(bank)")
            }
        }
        Console.line(key)
    }
}
