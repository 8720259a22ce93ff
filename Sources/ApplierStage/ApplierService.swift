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
    /// How the daemon talks to the API server; `daemonKubeOptions` unless a test shortens it.
    let kubeOptions: KubeClientOptions

    /// Picks the apps this shard owns; nothing is bound or contacted yet.
    public init(config: CapstanConfig, shard: Shard?, logger: Logger, readiness: Readiness,
                kubeOptions: KubeClientOptions = ApplierService.daemonKubeOptions) {
        self.config = config
        self.kubeOptions = kubeOptions
        let owner = shard ?? .all
        self.shard = owner
        self.logger = logger
        self.readiness = readiness
        board = AppBoard(apps: config.apps.filter { owner.owns($0.name) })
        readiness.register("applier", reason: "starting")
    }

    public func run() async throws {
        let stage = config.stages.applier
        let kube = KubeClient(config: try KubeConfig.load(kubeconfig: stage.kubeconfig), options: kubeOptions, logger: logger)
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
    /// Every API request of the daemon has a deadline: a request the server accepted but never
    /// answers (seen after an applier was SIGKILLed mid-apply: the restarted one's applies hung on
    /// their connections) is abandoned after 10 s, its connection closed, and retried on a fresh
    /// one, instead of holding the app in Progressing for the client's default minute per attempt.
    /// Watches are streams and have no total limit.
    public static var daemonKubeOptions: KubeClientOptions {
        var options = KubeClientOptions()
        options.timeouts.total = requestDeadline
        return options
    }

    public static let requestDeadline: Duration = .seconds(10)

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
