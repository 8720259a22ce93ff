/// How to reach and authenticate to a remote, and how long and how much a fetch may take.
public struct FetchOptions: Sendable {
    /// Username/password (or token) for HTTP(S), or an SSH key.
    public var credentials: Credentials?
    /// OpenSSH `known_hosts` file; SSH fetches are refused without it.
    public var knownHostsPath: String?
    /// PEM bundle of the CAs trusted for HTTPS instead of the system ones.
    public var caFile: String?
    /// Seconds allowed to open the TCP connection.
    public var connectTimeout: Double
    /// Seconds allowed for the whole fetch.
    public var transferTimeout: Double
    /// Bytes a fetch may download before it is stopped.
    public var maxBytes: Int

    public init(credentials: Credentials? = nil, knownHostsPath: String? = nil, caFile: String? = nil,
                connectTimeout: Double = 15, transferTimeout: Double = 300, maxBytes: Int = 2 << 30) {
        self.credentials = credentials
        self.knownHostsPath = knownHostsPath
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.transferTimeout = transferTimeout
        self.maxBytes = maxBytes
    }
}

/// The secret a remote asks for.
public enum Credentials: Sendable {
    /// HTTP(S) basic auth; a token goes in `password`.
    case password(username: String, password: String)
    /// An SSH private key file (and its `.pub` when present).
    case sshKey(username: String?, privateKeyPath: String, publicKeyPath: String?, passphrase: String?)
}

/// What a fetch brought.
public struct FetchStats: Sendable, Equatable {
    public var receivedObjects: Int
    public var receivedBytes: Int
    public var updatedRefs: Int

    public init(receivedObjects: Int = 0, receivedBytes: Int = 0, updatedRefs: Int = 0) {
        self.receivedObjects = receivedObjects
        self.receivedBytes = receivedBytes
        self.updatedRefs = updatedRefs
    }
}
