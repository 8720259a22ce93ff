/// Where the trust anchors and the client identity come from: files or PEM bytes held in memory.
public struct TLSOptions: Sendable, Hashable {
    /// PEM or a path; PEM bytes win when both are given.
    public enum Source: Sendable, Hashable {
        case file(String)
        case pem([UInt8])
    }

    public var certificateAuthority: Source?
    public var clientCertificate: Source?
    public var clientKey: Source?
    public var insecureSkipVerify: Bool

    public init(
        certificateAuthority: Source? = nil, clientCertificate: Source? = nil, clientKey: Source? = nil,
        insecureSkipVerify: Bool = false, serverName: String? = nil
    ) {
        self.certificateAuthority = certificateAuthority
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.insecureSkipVerify = insecureSkipVerify
    }
}
