import Archive
import CapstanCore
import Foundation
import Logging
import Messaging
import Renderer
import ServiceLifecycle
import StageRuntime

/// The renderer stage as one Service: subscribes to every fetcher's `revision.<source>` events,
/// renders the apps this shard owns into content-addressed bundles, publishes `bundle.<app>` and
/// `status.<app>`, and answers SNAPSHOT, GET, TRIGGER and STATUS.
public struct RendererService: Service {
    let config: CapstanConfig
    let stage: StageConfig
    let shard: Shard
    let concurrency: Int
    let engines: RenderEngines?
    let logger: Logger
    let readiness: Readiness
    let board: AppBoard
    let queue = RenderQueue()
    let store: BundleStore
    let ledger: RenderLedger

    /// Opens the bundle store and the ledger under `stages.renderer.data`; nothing is bound yet.
    /// `engines` replaces the standard ones (a test seam); the standard overlay engine's warnings are logged.
    public init(config: CapstanConfig, shard: Shard?, concurrency: Int?, engines: RenderEngines? = nil,
                logger: Logger, readiness: Readiness) throws {
        self.config = config
        stage = config.stages.renderer
        let shard = shard ?? .all
        self.shard = shard
        self.concurrency = concurrency ?? stage.concurrency
        self.engines = engines
        self.logger = logger
        self.readiness = readiness
        store = try BundleStore(directory: stage.data)
        ledger = RenderLedger(path: "\(stage.data)/ledger.json")
        let owned = config.apps.filter { shard.owns($0.name) }
        // A record whose bundle file is gone counts as never rendered: the app renders again.
        let store = self.store
        let records = ledger.all.filter { FileManager.default.fileExists(atPath: store.path(of: $0.value.bundle)) }
        board = AppBoard(apps: owned, records: records)
        readiness.register("renderer", reason: "starting")
    }

    public func run() async throws {
        let transport = try await Transport.start(security: try Self.security(stage), logger: logger)
        let publisher = try await EventPublisher.start(transport: transport, settings: PublisherSettings(
            pub: stage.pub, router: stage.router, requestHandler: RendererRequests(board: board, queue: queue, store: store, shard: shard)))
        let upstreams = try stage.upstream.map(Self.upstream)
        var clients: [RequestClient] = []
        for upstream in upstreams { clients.append(try await RequestClient.start(transport: transport, upstream: upstream)) }
        let trees = try ArtifactTrees(directory: stage.data, clients: clients, limits: unpackLimits)
        let pipeline = RenderPipeline(
            board: board, queue: queue, trees: trees,
            store: store, ledger: ledger, publisher: publisher, limits: RenderLimits(config.limits), engines: engines, logger: logger)
        pipeline.announceCurrent()
        let subscriber = try await EventSubscriber.start(transport: transport, settings: SubscriberSettings(upstreams: upstreams, topics: ["revision."]))
        readiness.markReady("renderer")
        logger.info("publishing", metadata: ["pub": "\(publisher.pubEndpoint)", "router": "\(publisher.routerEndpoint)",
                                             "upstreams": "\(upstreams.map(\.pub).joined(separator: ","))"])
        let concurrency = self.concurrency
        try? await cancelWhenGracefulShutdown { await pipeline.run(events: subscriber.events, concurrency: concurrency) }
        await subscriber.stop()
        for client in clients { await client.close() }
        await publisher.stop()
        await transport.shutdown()
    }

    var unpackLimits: UnpackLimits {
        UnpackLimits(maxBytes: config.limits.artifactBytes, maxEntries: config.limits.artifactFiles)
    }
}

extension RendererService {
    /// CURVE with the stage's key pair and allow-listed clients when configured; plain otherwise
    /// (loopback only unless `insecure: true`).
    static func security(_ stage: StageConfig) throws -> TransportSecurity {
        guard let curve = stage.curve else { return .plain(insecure: stage.insecure) }
        let keyPair = try KeyFiles.readKeyPair(secretKeyPath: curve.serverSecretKeyFile)
        return .curve(CurveSecurity(keyPair: keyPair, allowedClientKeys: Set(curve.allowedClientKeys)))
    }

    /// A configured fetcher instance, with its CURVE public key read when one is named.
    static func upstream(_ config: UpstreamConfig) throws -> Upstream {
        Upstream(pub: config.pub, router: config.router, serverKey: try config.serverPublicKeyFile.map { try KeyFiles.readKey($0) })
    }
}
