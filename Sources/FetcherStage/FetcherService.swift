import CapstanCore
import Fetcher
import Foundation
import Logging
import Messaging
import ServiceLifecycle
import StageRuntime

/// The fetcher stage as one Service: the poll scheduler, the publisher of `revision.<source>`
/// events and request answers, and the webhook routes on the stage's HTTP server.
public struct FetcherService: Service {
    let config: CapstanConfig
    let scheduler: FetchScheduler
    let announcer = PublisherAnnouncer()
    let webhooks: WebhookRoutes
    let logger: Logger
    let readiness: Readiness

    /// Builds the scheduler for the sources this shard owns; nothing is bound or fetched yet.
    public init(config: CapstanConfig, shard: Shard?, concurrency: Int?, logger: Logger, readiness: Readiness) {
        self.config = config
        self.logger = logger
        self.readiness = readiness
        let stage = config.stages.fetcher
        let specs = config.sources.filter { shard?.owns($0.name) ?? true }.map { SourceSpec(config: $0, stage: stage, limits: config.limits) }
        scheduler = FetchScheduler(sources: specs, dataDirectory: stage.data, concurrency: concurrency ?? stage.concurrency,
                                   announcer: announcer, logger: logger)
        webhooks = WebhookRoutes(board: scheduler.board, sources: config.sources, maxBody: config.limits.webhookBytes, logger: logger)
        readiness.register("fetcher", reason: "starting")
    }

    /// Adds `POST /hooks/<source>` to the stage's HTTP server.
    public func addRoutes(_ router: StageRouter) { webhooks.add(to: router) }

    public func run() async throws {
        let stage = config.stages.fetcher
        let transport = try await Transport.start(security: try FetcherService.security(stage), logger: logger)
        let publisher = try await EventPublisher.start(transport: transport, settings: PublisherSettings(
            pub: stage.pub, router: stage.router, requestHandler: FetcherRequests(board: scheduler.board)))
        announcer.attach(publisher)
        readiness.markReady("fetcher")
        logger.info("publishing", metadata: ["pub": "\(publisher.pubEndpoint)", "router": "\(publisher.routerEndpoint)"])
        let scheduler = self.scheduler
        try? await cancelWhenGracefulShutdown { await scheduler.run() }
        await publisher.stop()
        await transport.shutdown()
    }
}

extension FetcherService {
    /// CURVE with the stage's server key and allow-listed clients when configured; plain otherwise
    /// (loopback only unless `insecure: true`).
    static func security(_ stage: StageConfig) throws -> TransportSecurity {
        guard let curve = stage.curve else { return .plain(insecure: stage.insecure) }
        let keyPair = try KeyFiles.readKeyPair(secretKeyPath: curve.serverSecretKeyFile)
        return .curve(CurveSecurity(keyPair: keyPair, allowedClientKeys: Set(curve.allowedClientKeys)))
    }
}

extension SourceSpec {
    /// The fetcher's view of a configured source.
    init(config: SourceConfig, stage: StageConfig, limits: LimitsConfig) {
        let ref: String = switch config.ref {
        case .branch(let name): "branch:\(name)"
        case .tag(let name): "tag:\(name)"
        case .semver(let range): "semver:\(range)"
        case .commit(let id): "commit:\(id)"
        }
        let timeout = Double(config.timeout.nanoseconds) / 1e9
        self.init(name: config.name, url: config.url, ref: .init(parsing: ref), secretDirectory: config.secretRef, ignore: config.ignore,
                  interval: Double(config.interval.nanoseconds) / 1e9, keep: stage.keepArtifacts,
                  limits: PackLimits(maxBytes: limits.artifactBytes, maxFiles: limits.artifactFiles),
                  connectTimeout: min(timeout, 15), transferTimeout: timeout, includeSubmodules: config.includeSubmodules)
    }
}
