import ZeroMQ

/// Why a socket could not be set up; these stop a stage at start with a message that says what to change.
public enum TransportError: Error, Sendable, CustomStringConvertible {
    /// Plain text on a non-loopback address without `insecure: true`.
    case insecureBind(endpoint: String)
    /// CURVE is on but the upstream has no server key.
    case missingServerKey(endpoint: String)
    /// libzmq refused a call.
    case zeroMQ(ZeroMQError, endpoint: String)

    public var description: String {
        switch self {
        case .insecureBind(let endpoint):
            "refusing to bind \(endpoint) without encryption: configure CURVE keys (capstan keygen) or set insecure: true"
        case .missingServerKey(let endpoint):
            "CURVE is on but no server public key is configured for \(endpoint)"
        case .zeroMQ(let error, let endpoint):
            "\(endpoint): \(error)"
        }
    }
}
