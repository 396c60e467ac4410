import ArgumentParser
import Foundation
import Logging
import NIOCore
import NIOPosix

// Swift concurrency's jobs run on the event loops that do the HTTP and database I/O: a request
// otherwise hopped between the concurrency pool's threads and NIO's at every await on I/O, and
// waking the other thread (futex) was a tenth of the server's CPU (`perf record -g` during
// `bench checkout`). Done first, on the main thread, before any task starts.
NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

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
