import Applier
import CapstanCore
import Kube
import Logging
import Messaging
import ServiceLifecycle
import StageRuntime

/// The applier stage as one Service: subscribes to every renderer's `bundle.<app>`, reconciles the
/// apps this shard owns, heals drift, publishes `status.<app>` and answers requests.
public struct ApplierService: Service {
    let config: CapstanConfig
    let shard: Shard
    let logger: Logger
    let readiness: Readiness
    /// The apps this shard owns and their state; STATUS reads it.
    public let board: AppBoard

    /// Picks the apps this shard owns; nothing is bound or contacted yet.
    public init(config: CapstanConfig, shard: Shard?, logger: Logger, readiness: Readiness) {
        self.config = config
        let owner = shard ?? .all
        self.shard = owner
        self.logger = logger
        self.readiness = readiness
        board = AppBoard(apps: config.apps.filter { owner.owns($0.name) })
        readiness.register("applier", reason: "starting")
    }

    public func run() async throws {
        let stage = config.stages.applier
        let kube = KubeClient(config: try KubeConfig.load(kubeconfig: stage.kubeconfig), logger: logger)
        let transport = try await Transport.start(security: try Self.security(stage), logger: logger)
        let publisher = try await EventPublisher.start(transport: transport, settings: PublisherSettings(
            pub: stage.pub, router: stage.router, requestHandler: ApplierRequests(board: board, shard: shard)))
        board.onChange { status in publisher.publish(status.event) }
        let upstreams = try stage.upstream.map(Self.upstream)
        let subscriber = try await EventSubscriber.start(transport: transport, settings: SubscriberSettings(upstreams: upstreams, topics: ["bundle."]))
        var clients: [RequestClient] = []
        for upstream in upstreams { clients.append(try await RequestClient.start(transport: transport, upstream: upstream)) }
        readiness.markReady("applier")
        logger.info("publishing", metadata: ["pub": "\(publisher.pubEndpoint)", "router": "\(publisher.routerEndpoint)", "apps": "\(board.names.count)"])
        let loops = StageLoops(board: board, kube: kube, subscriber: subscriber, bundles: BundleFetcher(clients: clients, maxBytes: config.limits.renderBytes),
                               config: config, logger: logger)
        await cancelWhenGracefulShutdown { await loops.run() }
        await subscriber.stop()
        for client in clients { await client.close() }
        await publisher.stop()
        await transport.shutdown()
    }
}

extension ApplierService {
    /// CURVE with the stage's server key and allow-listed clients when configured; plain otherwise.
    static func security(_ stage: StageConfig) throws -> TransportSecurity {
        guard let curve = stage.curve else { return .plain(insecure: stage.insecure) }
        let keyPair = try KeyFiles.readKeyPair(secretKeyPath: curve.serverSecretKeyFile)
        return .curve(CurveSecurity(keyPair: keyPair, allowedClientKeys: Set(curve.allowedClientKeys)))
    }

    static func upstream(_ config: UpstreamConfig) throws -> Upstream {
        Upstream(pub: config.pub, router: config.router, serverKey: try config.serverPublicKeyFile.map(KeyFiles.readKey))
    }
}

extension AppStatus {
    /// The `status.<app>` event: the STATUS entry's fields plus `stage`.
    var event: Event {
        var fields = json.objectValue ?? [:]
        fields["stage"] = "applier"
        return Event(topic: "status.\(app)", fields: fields)
    }
}
