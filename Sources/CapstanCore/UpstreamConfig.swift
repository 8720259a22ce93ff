/// One instance of the stage before this one, which this stage subscribes to and requests from.
public struct UpstreamConfig: Sendable, Hashable {
    /// ZeroMQ endpoints of the instance's PUB and ROUTER sockets.
    public var pub: String
    public var router: String
    /// The instance's CURVE server public key file, when CURVE is on.
    public var serverPublicKeyFile: String?

    public init(pub: String, router: String, serverPublicKeyFile: String? = nil) {
        self.pub = pub
        self.router = router
        self.serverPublicKeyFile = serverPublicKeyFile
    }
}
