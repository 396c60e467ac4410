import Foundation
import Logging
import ServiceLifecycle

/// Background work that `serve` runs now and then every `interval` until shutdown, on the
/// low-priority `BackgroundExecutor`: the customs rounds, the last mile, the payment settler,
/// the sandbox rate feed (which stands in for a bank's feed so that a demo left running keeps
/// fresh rates) and the sweep that cancels unpaid orders when their payment window closes.
struct PeriodicService: Service {
    let name: String
    let interval: Duration
    let logger: Logger
    let work: @Sendable () async throws -> Void

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    do {
                        try await withTaskExecutorPreference(BackgroundExecutor.shared) { try await work() }
                    } catch { logger.warning("\(name) failed: \(error)") }
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {
            // A graceful shutdown ends the loop; that is a normal stop, not a failure.
        }
    }
}
