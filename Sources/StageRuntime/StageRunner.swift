import ArgumentParser
import Logging
import Prometheus
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one stage process: its services and the ``HealthServer`` in one ServiceGroup that shuts down
/// in order on SIGTERM/SIGINT, so a stage executable is parse options → make services → `run`.
///
/// Shutdown order: `/readyz` turns 503 (stop taking work), the stage's services stop last-to-first
/// (closing their sockets), then the HTTP server. Exit: 0 after a signal, 1 when a service failed.
///
/// A stage's `run` command:
/// ```swift
/// struct Run: AsyncParsableCommand {
///     @OptionGroup var options: StageOptions
///     func run() async throws {
///         let runner = StageRunner(stage: "fetcher", options: options)
///         let config = try CapstanConfig.load(path: options.config)   // bad config: exit before binding
///         let fetcher = FetcherService(config: config, logger: runner.logger, readiness: runner.readiness)
///         try await runner.run(services: [fetcher], routes: fetcher.addRoutes)
///     }
/// }
/// ```
public struct StageRunner: Sendable {
    public let stage: String
    /// The stage's root logger; every line carries `stage=`.
    public let logger: Logger
    /// Conditions `/readyz` reports; services register and flip their own.
    public let readiness = Readiness()
    public let registry: PrometheusCollectorRegistry
    public let httpAddress: HTTPAddress
    /// After this, a graceful shutdown that hangs is escalated to task cancellation.
    public var shutdownTimeout: Duration = .seconds(20)

    /// Bootstraps logging and metrics from `options`. HTTP listens where `--http` says, else where the
    /// config's `stages.<stage>.http` says (`configuredHTTP`), else on the stage's port (DESIGN.md).
    public init(stage: String, options: StageOptions, configuredHTTP: String? = nil, defaultHTTPPort: Int? = nil) {
        signal(SIGPIPE, SIG_IGN)
        self.stage = stage
        var logger = StageLogging.bootstrap(stage: stage, format: options.logFormat, level: options.logLevel)
        if let shard = options.shard { logger[.shard] = .string(shard.description) }
        self.logger = logger
        self.registry = StageMetrics.bootstrap()
        let port = defaultHTTPPort ?? Self.defaultHTTPPorts[stage] ?? 0
        self.httpAddress = options.http ?? configuredHTTP.flatMap(HTTPAddress.init(parsing:)) ?? .loopback(port: port)
    }

    /// The HTTP ports of DESIGN.md's socket table.
    public static let defaultHTTPPorts = ["fetcher": 9401, "renderer": 9411, "applier": 9421]

    /// Runs until SIGTERM/SIGINT (then returns) or until a service fails (then logs it once and
    /// throws `ExitCode.failure`).
    public func run(
        services: [any Service],
        routes: @escaping @Sendable (StageRouter) -> Void = { _ in },
        onListening: @escaping @Sendable (HTTPAddress) async -> Void = { _ in }
    ) async throws {
        let http = HealthServer(
            address: httpAddress, readiness: readiness, registry: registry, logger: logger,
            routes: routes, onListening: onListening
        )
        let group = ServiceGroup(configuration: configuration(http: http, services: services))
        logger.info("starting")
        do {
            try await group.run()
        } catch {
            logger.critical("stopped on error", metadata: .keyed([.error: "\(error)"]))
            throw ExitCode.failure
        }
        logger.info("stopped")
    }

    /// HTTP first and the drain last: a ServiceGroup shuts its services down in reverse order.
    private func configuration(http: HealthServer, services: [any Service]) -> ServiceGroupConfiguration {
        let ordered: [(any Service, String)] = [(http, "http")]
            + services.map { ($0, String(describing: type(of: $0))) }
            + [(ShutdownDrain(readiness: readiness, logger: logger), "drain")]
        var configuration = ServiceGroupConfiguration(
            services: ordered.map { service, name in
                .init(service: service, successTerminationBehavior: .gracefullyShutdownGroup,
                      failureTerminationBehavior: .gracefullyShutdownGroup, serviceName: name)
            },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        configuration.logging.keys.serviceKey = "service"
        configuration.logging.keys.servicesKey = "services"
        configuration.logging.keys.signalKey = "signal"
        configuration.logging.keys.gracefulShutdownSignalsKey = "shutdownSignals"
        configuration.logging.keys.cancellationSignalsKey = "cancelSignals"
        configuration.logging.keys.errorKey = LogKey.error.rawValue
        configuration.maximumGracefulShutdownDuration = shutdownTimeout
        return configuration
    }
}
