import ArgumentParser

struct CrossBorder: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crossborder",
        abstract: "CrossBorder: overseas stores selling to China, with escrow, customs and logistics.",
        subcommands: [Serve.self, Migrate.self, Demo.self, Check.self, FX.self, MerchantKey.self, BankKey.self, Bench.self, BareServe.self],
        defaultSubcommand: nil)
}
