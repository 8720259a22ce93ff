/// CURVE keys of one stage: its own key pair and the client keys allowed to connect to it.
public struct CurveConfig: Sendable, Hashable {
    /// Files holding this stage's Z85 secret and public key (its server identity).
    public var serverSecretKeyFile: String
    public var serverPublicKeyFile: String
    /// Z85 public keys (40 characters) of the clients this stage admits; empty admits none.
    public var allowedClientKeys: [String]
    /// Files holding the key pair this stage presents when it connects upstream.
    public var clientSecretKeyFile: String?
    public var clientPublicKeyFile: String?

    public init(
        serverSecretKeyFile: String, serverPublicKeyFile: String, allowedClientKeys: [String] = [],
        clientSecretKeyFile: String? = nil, clientPublicKeyFile: String? = nil
    ) {
        self.serverSecretKeyFile = serverSecretKeyFile
        self.serverPublicKeyFile = serverPublicKeyFile
        self.allowedClientKeys = allowedClientKeys
        self.clientSecretKeyFile = clientSecretKeyFile
        self.clientPublicKeyFile = clientPublicKeyFile
    }
}
