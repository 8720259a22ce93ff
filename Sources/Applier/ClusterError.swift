/// A failed request at the ClusterClient seam, classified by what the reconcile loop should do with it.
public enum ClusterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The API could not be reached (connection refused, timeout, 5xx, 429): retry with backoff.
    case unreachable(String)
    /// The server refused this object (4xx, e.g. invalid or forbidden): a user must fix it.
    case rejected(code: Int, message: String)

    public var isRetryable: Bool { if case .unreachable = self { true } else { false } }

    public var description: String {
        switch self {
        case .unreachable(let message): "API unreachable: \(message)"
        case .rejected(let code, let message): "\(message) (HTTP \(code))"
        }
    }

    /// The message to put next to an object that failed.
    public var message: String {
        switch self {
        case .unreachable(let message): message
        case .rejected(_, let message): message
        }
    }
}
