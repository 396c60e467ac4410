import Foundation
import Logging
import ServiceLifecycle
import Services
import Storage

/// Stands in for a bank's rate feed in the demo: republishes the demo reference rates now and
/// then every `interval`, so that a demo left running never shows stale prices.
struct SandboxRateFeed: Service {
    let store: any Store
    let logger: Logger
    var interval: Duration = .seconds(3600)

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    do {
                        try await DemoLoader.refreshRates(in: store, at: Date())
                    } catch {
                        logger.warning("the sandbox rate feed could not publish: \(error)")
                    }
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {
            // A graceful shutdown ends the feed; that is a normal stop, not a failure.
        }
    }
}
