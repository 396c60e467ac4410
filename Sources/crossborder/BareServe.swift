import ArgumentParser
import Hummingbird
import Web

/// `/healthz` with no middleware and no platform, for `bench checkout`'s bare ceiling. Hidden:
/// it is a measuring instrument, not a way to run CrossBorder.
struct BareServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bare-serve", abstract: "A bare HTTP route (benchmarks only).",
                                                    shouldDisplay: false)

    @Option(help: "The port (0: a free one).")
    var port = 0

    func run() async throws {
        let app = buildBareApplication(port: port, idleTimeoutSeconds: 30, logger: Logs.make("crossborder.bare")) { boundPort in
            Console.line("bare route on http://127.0.0.1:\(boundPort)")
        }
        try await app.runService()
    }
}
