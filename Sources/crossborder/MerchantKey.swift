import ArgumentParser
import Foundation
import Services
import Storage

struct MerchantKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merchant-key",
        abstract: "Issue an API key for a merchant. The key is printed once; only its hash is kept.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The merchant's id, for example m-hudson-vine.")
    var merchant: String

    @Option(help: "What the key is for, to tell keys apart later.")
    var label = "api"

    func run() async throws {
        let key = try await database.withOpenStore(logger: Logs.make("crossborder.merchant-key")) { store in
            try await store.requireCurrentSchema()
            do {
                return try await MerchantKeyService(store: store).issue(merchantID: merchant, label: label, at: Date())
            } catch let unknown as MerchantKeyService.UnknownMerchant {
                throw CommandFailure(unknown.description)
            }
        }
        Console.line(key)
    }
}
