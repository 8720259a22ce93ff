/// Where one stage listens and keeps its data, and how it secures its sockets.
public struct StageConfig: Sendable, Hashable {
    /// ZeroMQ endpoint of the PUB socket (events) and the ROUTER socket (requests).
    public var pub: String
    public var router: String
    /// `host:port` of the HTTP server (/healthz, /readyz, /metrics, webhooks).
    public var http: String
    /// Directory for the stage's state (mirrors, artifacts, bundles).
    public var data: String
    /// Allows binding ZeroMQ sockets to non-loopback addresses without CURVE.
    public var insecure: Bool
    /// Work items handled at once (fetches, renders, applies). Defaults to 4.
    public var concurrency: Int
    public var curve: CurveConfig?
    /// Instances of the previous stage; empty for the fetcher. Defaults to the one instance
    /// that the previous stage's own `pub`/`router` name.
    public var upstream: [UpstreamConfig]
    /// Where this stage's instances are when it runs sharded, entry i being the one started with
    /// `--shard i/n` (n = the count). The `capstan` CLI asks them; the downstream stage's
    /// `upstream` defaults to them. Empty: one instance, at `pub`/`router`.
    public var shards: [UpstreamConfig] = []
    /// Fetcher: artifacts kept per source. Defaults to 3.
    public var keepArtifacts: Int
    /// Applier: kubeconfig file; nil means `KUBECONFIG`, `~/.kube/config`, or in-cluster.
    public var kubeconfig: String?
    /// Applier: namespace holding the inventories. Defaults to `capstan-system`.
    public var inventoryNamespace: String

    public init(
        pub: String, router: String, http: String, data: String, insecure: Bool = false, concurrency: Int = 4,
        curve: CurveConfig? = nil, upstream: [UpstreamConfig] = [], keepArtifacts: Int = 3,
        kubeconfig: String? = nil, inventoryNamespace: String = "capstan-system"
    ) {
        self.pub = pub
        self.router = router
        self.http = http
        self.data = data
        self.insecure = insecure
        self.concurrency = concurrency
        self.curve = curve
        self.upstream = upstream
        self.keepArtifacts = keepArtifacts
        self.kubeconfig = kubeconfig
        self.inventoryNamespace = inventoryNamespace
    }
}
