import Hummingbird
import Logging

/// The HTTP server with nothing of the platform in it: `/healthz` on a router with no
/// middleware, no store and no routes besides. `bench checkout` runs it from the same binary
/// as the ceiling that the platform's own `/healthz` (behind every middleware) is compared to.
public func buildBareApplication(
    port: Int, idleTimeoutSeconds: Int, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void
) -> some ApplicationProtocol {
    let router = Router(context: BasicRequestContext.self)
    router.get("/healthz") { _, _ in Liveness.response() }
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(idleTimeoutSeconds)))),
        configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: "CrossBorder"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
        logger: logger)
}
