import ArgumentParser
import Foundation
import Logging
import Storage

/// `--database-url`, shared by every command that touches the database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database-url"),
            help: "sqlite:PATH or postgres://user:password@host:port/database (env CROSSBORDER_DATABASE_URL; default sqlite:data/crossborder.sqlite).")
    var databaseURL: String?

    func resolved() throws -> DatabaseURL {
        let text = databaseURL ?? Environment.value("CROSSBORDER_DATABASE_URL") ?? "sqlite:data/crossborder.sqlite"
        do { return try DatabaseURL(parsing: text) } catch { throw CommandFailure(error.description) }
    }

    /// Runs `body` with the store open, every error reworded into one sentence.
    func withOpenStore<T: Sendable>(logger: Logger, metrics: any StoreMetrics = UnobservedStore(),
                                    _ body: (any Store) async throws -> T) async throws -> T {
        let url = try resolved()
        do {
            return try await withStore(url, logger: logger, metrics: metrics, body)
        } catch {
            throw CommandFailure.from(error)
        }
    }
}

enum Environment {
    static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// An integer from the environment, or nil when unset; a value that is not one is an error.
    static func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw CommandFailure("\(name)='\(text)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

enum Logs {
    static let level = Environment.value("CROSSBORDER_LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? .info

    /// Makes every `Logger(label:)` of the process write to stderr at `level`.
    static func bootstrap() {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// A logger writing to stderr, at the level CROSSBORDER_LOG_LEVEL names (default info).
    static func make(_ label: String) -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = level
        return logger
    }
}
