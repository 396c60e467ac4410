import ArgumentParser
import Foundation
import Services
import Storage

struct BankKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank-key",
        abstract: "Issue an API key for a partner bank (printed once; only its hash is kept), list its keys, or revoke one.",
        discussion: "The bank signs in to /bank with it and sends it as Authorization: Bearer to /api/v1/bank/….")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The partner bank's id, for example bank-lungarno.")
    var bank: String

    @Option(help: "What the key is for, to tell keys apart later.")
    var label = "api"

    @Flag(help: "List the bank's keys by id (never the keys), with when each was issued and revoked.")
    var list = false

    @Option(help: "Revoke the key with this id (bk-…), ending the sessions opened with it.")
    var revoke: String?

    func run() async throws {
        let lines = try await database.withOpenStore(logger: Logs.make("crossborder.bank-key")) { store -> [String] in
            try await store.requireCurrentSchema()
            let banks = PartnerBankService(store: store)
            if list { return try await banks.keys(of: bank).map(\.line) }
            if let revoke {
                guard let changes = try await banks.revoking(revoke, of: bank, at: Date()) else {
                    throw CommandFailure("partner bank \(bank) has no live key \(revoke) (see --list)")
                }
                try await store.apply(changes)
                return ["revoked \(revoke)"]
            }
            do {
                return [try await banks.issueKey(bankID: bank, label: label, at: Date())]
            } catch PartnerBankFailure.notFound {
                throw CommandFailure("no partner bank \(bank)")
            }
        }
        lines.forEach(Console.line)
    }
}
