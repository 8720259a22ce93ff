import Logging
import ServiceLifecycle

/// The first service to hear of a shutdown: it turns `/readyz` to 503 so no new work arrives
/// while the stage's own services finish theirs.
struct ShutdownDrain: Service {
    let readiness: Readiness
    let logger: Logger

    func run() async throws {
        try await gracefulShutdown()
        readiness.markNotReady("shutdown", reason: "stopping")
        logger.info("shutting down")
    }
}
