import ZeroMQ

/// How a process's sockets are protected: CURVE with an allow-list, or plain text that may
/// leave loopback only when explicitly allowed.
public enum TransportSecurity: Sendable {
    /// No encryption; binding to a non-loopback address needs `insecure: true`.
    case plain(insecure: Bool)
    /// Every socket encrypted; servers admit only `CurveSecurity.allowedClientKeys`.
    case curve(CurveSecurity)

    /// Plain text on loopback only.
    public static let loopback = TransportSecurity.plain(insecure: false)
}

/// This process's CURVE key pair (server keys for binds, client keys for connects) and the
/// public keys of the clients its servers admit.
public struct CurveSecurity: Sendable {
    public var keyPair: CurveKeyPair
    /// Z85 public keys of admitted clients.
    public var allowedClientKeys: Set<String>

    public init(keyPair: CurveKeyPair, allowedClientKeys: Set<String>) {
        self.keyPair = keyPair
        self.allowedClientKeys = allowedClientKeys
    }
}

/// An upstream stage instance a subscriber or client connects to.
public struct Upstream: Sendable, Hashable {
    /// The PUB endpoint, e.g. `tcp://fetcher:7401`.
    public var pub: String
    /// The ROUTER endpoint, e.g. `tcp://fetcher:7402`.
    public var router: String
    /// The upstream's Z85 CURVE public key; required when security is CURVE.
    public var serverKey: String?

    public init(pub: String, router: String, serverKey: String? = nil) {
        self.pub = pub
        self.router = router
        self.serverKey = serverKey
    }
}
