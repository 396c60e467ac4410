import ArgumentParser
import Foundation
import Services
import Storage

struct MerchantKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merchant-key",
        abstract: "Issue an API key for a merchant (printed once; only its hash is kept), list its keys, or revoke one.",
        discussion: "Rotating a key: issue a new one, move every client to it, then --revoke the old one by its id.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The merchant's id, for example m-hudson-vine.")
    var merchant: String

    @Option(help: "What the key is for, to tell keys apart later.")
    var label = "api"

    @Flag(help: "List the merchant's keys by id (never the keys), with when each was issued and revoked.")
    var list = false

    @Option(help: "Revoke the key with this id (mk-…), ending the sessions opened with it.")
    var revoke: String?

    func run() async throws {
        let lines = try await database.withOpenStore(logger: Logs.make("crossborder.merchant-key")) { store -> [String] in
            try await store.requireCurrentSchema()
            let keys = MerchantKeyService(store: store)
            if list {
                return try await keys.keys(of: merchant).map(\.line)
            }
            if let revoke {
                guard let changes = try await keys.revoking(revoke, of: merchant, at: Date()) else {
                    throw CommandFailure("merchant \(merchant) has no live key \(revoke) (see --list)")
                }
                try await store.apply(changes)
                return ["revoked \(revoke)"]
            }
            do {
                return [try await keys.issue(merchantID: merchant, label: label, at: Date())]
            } catch let unknown as MerchantKeyService.UnknownMerchant {
                throw CommandFailure(unknown.description)
            }
        }
        lines.forEach(Console.line)
    }
}
