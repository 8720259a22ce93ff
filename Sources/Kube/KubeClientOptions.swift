import Curl

/// Client-side limits and identity: how hard and how patiently Capstan talks to the API server.
public struct KubeClientOptions: Sendable {
    /// Requests per second on average (client-go's default is 5; Capstan's applier needs more).
    public var qps: Double
    /// Requests allowed at once before `qps` applies.
    public var burst: Int
    /// Requests in flight at the same time (worker threads and connections).
    public var maxConcurrentRequests: Int
    /// Watches open at the same time.
    public var maxConcurrentWatches: Int
    public var retry: RetryPolicy
    public var timeouts: HTTPTimeouts
    public var userAgent: String
    /// How long a watch request asks the server to keep the stream open before re-watching.
    public var watchTimeoutSeconds: Int
    /// Discovery is not refreshed for an unknown kind more often than this.
    public var discoveryRefreshInterval: Duration
    /// Map Kubernetes' stable built-in kinds from `BuiltInKinds` without waiting for discovery (for
    /// short-lived clients; off by default, so a long-running one always asks the server).
    public var usesBuiltInKinds = false

    public init(
        qps: Double = 50, burst: Int = 100, maxConcurrentRequests: Int = 16, maxConcurrentWatches: Int = 64,
        retry: RetryPolicy = RetryPolicy(), timeouts: HTTPTimeouts = HTTPTimeouts(), userAgent: String = "capstan/0.1",
        watchTimeoutSeconds: Int = 300, discoveryRefreshInterval: Duration = .milliseconds(500)
    ) {
        self.qps = qps
        self.burst = burst
        self.maxConcurrentRequests = maxConcurrentRequests
        self.maxConcurrentWatches = maxConcurrentWatches
        self.retry = retry
        self.timeouts = timeouts
        self.userAgent = userAgent
        self.watchTimeoutSeconds = watchTimeoutSeconds
        self.discoveryRefreshInterval = discoveryRefreshInterval
    }
}
