import Curl

/// A failure on the client's side of the wire: no connection, bad credentials, unknown kinds.
public enum KubeClientError: Error, Sendable, CustomStringConvertible {
    /// The request never got an HTTP answer (after retries, when retryable).
    case transport(method: String, path: String, CurlError)
    /// A credential could not be produced (token file missing, exec plugin failed).
    case credentials(reason: String)
    /// Discovery does not know this kind, even after a refresh.
    case unknownKind(GroupVersionKind)
    /// The server answered with something that is not what the API promises.
    case malformedResponse(method: String, path: String, reason: String)
    /// The object handed to a verb lacks what the verb needs.
    case invalidObject(reason: String)

    public var description: String {
        switch self {
        case .transport(let method, let path, let error): return "\(method) \(path): \(error)"
        case .credentials(let reason): return "credentials: \(reason)"
        case .unknownKind(let gvk):
            return "no resource of kind \(gvk) is served by the cluster (is its CRD installed and established?)"
        case .malformedResponse(let method, let path, let reason): return "\(method) \(path): malformed response: \(reason)"
        case .invalidObject(let reason): return "invalid object: \(reason)"
        }
    }

    /// True when trying again later may succeed.
    public var isRetryable: Bool {
        switch self {
        case .transport(_, _, let error): return error.isRetryable
        case .credentials, .unknownKind, .malformedResponse, .invalidObject: return false
        }
    }
}
