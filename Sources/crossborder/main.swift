import ArgumentParser
import Foundation
import Logging

// Every failure ends in one line on stderr and a non-zero exit, never a stack trace; help and
// --version still print as usual.
// Every logger, the services' own included, writes to stderr at CROSSBORDER_LOG_LEVEL.
Logs.bootstrap()

do {
    var command = try CrossBorder.parseAsRoot()
    if var asynchronous = command as? any AsyncParsableCommand {
        try await runAsynchronously(&asynchronous)
    } else {
        try command.run()
    }
} catch {
    let code = CrossBorder.exitCode(for: error)
    if code == .success || error is CleanExit {
        CrossBorder.exit(withError: error)
    }
    let message = error is CommandFailure ? "\(error)" : CrossBorder.message(for: error)
    Console.error("crossborder: \(message)")
    exit(code == .validationFailure ? 64 : 1)
}

/// Calls the async `run()` of a command: through the existential, the synchronous default
/// `run()` would be chosen instead.
func runAsynchronously<Command: AsyncParsableCommand>(_ command: inout Command) async throws {
    try await command.run()
}
