/// Where a stage's publisher binds and how it answers requests.
public struct PublisherSettings: Sendable {
    /// The PUB endpoint, e.g. `tcp://127.0.0.1:7401`.
    public var pub: String
    /// The ROUTER endpoint, e.g. `tcp://127.0.0.1:7402`.
    public var router: String
    public var requestHandler: any RequestHandler
    public var heartbeatInterval: Duration

    public init(pub: String, router: String, requestHandler: any RequestHandler = NoRequests(),
                heartbeatInterval: Duration = .seconds(1)) {
        self.pub = pub
        self.router = router
        self.requestHandler = requestHandler
        self.heartbeatInterval = heartbeatInterval
    }
}
