import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore
import Prometheus
import ServiceLifecycle

/// The router a stage may add its own HTTP routes to (the fetcher's `POST /hooks/<source>`).
public typealias StageRouter = Router<BasicRequestContext>

/// A stage's HTTP side: `/healthz` (alive), `/readyz` (every readiness condition met) and
/// Prometheus `/metrics`, plus any routes the stage adds.
public struct HealthServer: Service {
    public let address: HTTPAddress
    private let readiness: Readiness
    private let registry: PrometheusCollectorRegistry
    private let logger: Logger
    private let routes: @Sendable (StageRouter) -> Void
    private let onListening: @Sendable (HTTPAddress) async -> Void

    /// - Parameters:
    ///   - address: where to bind; port 0 picks a free port, reported to `onListening`.
    ///   - routes: adds the stage's own routes next to the health endpoints.
    ///   - onListening: called once the socket is bound, with the real port.
    public init(
        address: HTTPAddress,
        readiness: Readiness,
        registry: PrometheusCollectorRegistry,
        logger: Logger,
        routes: @escaping @Sendable (StageRouter) -> Void = { _ in },
        onListening: @escaping @Sendable (HTTPAddress) async -> Void = { _ in }
    ) {
        self.address = address
        self.readiness = readiness
        self.registry = registry
        self.logger = logger
        self.routes = routes
        self.onListening = onListening
    }

    public func run() async throws {
        let listening = NIOLockedValueBox(false)
        do {
            try await makeApplication(listening: listening).run()
        } catch where !listening.withLockedValue({ $0 }) {
            throw HealthServerError(address: address, reason: "\(error)")
        }
        logger.info("http stopped")
    }

    /// Sets `listening` once the socket is bound: errors before that are bind errors.
    private func makeApplication(listening: NIOLockedValueBox<Bool>) -> some ApplicationProtocol {
        // Hummingbird announces itself at info; "http listening" below already says it, once.
        var serverLogger = logger
        serverLogger.logLevel = max(logger.logLevel, .notice)
        return Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(address.host, port: address.port)),
            onServerRunning: { [address, logger, onListening] channel in
                listening.withLockedValue { $0 = true }
                let bound = HTTPAddress(host: address.host, port: channel.localAddress?.port ?? address.port)
                logger.info("http listening", metadata: .keyed([.url: "http://\(bound)"]))
                await onListening(bound)
            },
            logger: serverLogger
        )
    }

    private func makeRouter() -> StageRouter {
        let router = StageRouter()
        router.get("healthz") { _, _ in Self.text("ok\n") }
        router.get("readyz") { [readiness] _, _ in
            let report = readiness.report()
            return Self.text(report.text, status: report.isReady ? .ok : .serviceUnavailable)
        }
        router.get("metrics") { [registry] _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
            )
        }
        routes(router)
        return router
    }

    static func text(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
    }
}
