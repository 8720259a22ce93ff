import CapstanCore

/// An error the API server answered with, decoded from its `Status` body and shown as it said it.
public struct KubeAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One entry of `details.causes`: which field and why.
    public struct Cause: Sendable, Hashable {
        public var reason: String
        public var message: String
        public var field: String
    }

    /// The HTTP status code (`code` in the Status).
    public var code: Int
    /// The machine-readable reason (`NotFound`, `Conflict`, `Invalid`, `Expired`, ...).
    public var reason: String
    public var message: String
    public var causes: [Cause]
    /// `details.name`, `details.group`, `details.kind` when the server gave them.
    public var name: String
    public var group: String
    public var kind: String
    /// `details.retryAfterSeconds` or the Retry-After header.
    public var retryAfterSeconds: Int?

    public init(
        code: Int, reason: String, message: String, causes: [Cause] = [], name: String = "", group: String = "",
        kind: String = "", retryAfterSeconds: Int? = nil
    ) {
        self.code = code
        self.reason = reason
        self.message = message
        self.causes = causes
        self.name = name
        self.group = group
        self.kind = kind
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// As kubectl prints it: `Error from server (NotFound): deployments.apps "web" not found`.
    public var description: String {
        reason.isEmpty ? "Error from server: \(message)" : "Error from server (\(reason)): \(message)"
    }

    public var isNotFound: Bool { code == 404 }
    public var isGone: Bool { code == 410 || reason == "Expired" || reason == "Gone" }
    public var isAlreadyExists: Bool { reason == "AlreadyExists" }
    /// A server-side apply conflict with another field manager: retrying will not help without force.
    public var isFieldManagerConflict: Bool { causes.contains { $0.reason == "FieldManagerConflict" } }

    /// Whether the same request may succeed later: throttling, server trouble, optimistic-lock conflicts.
    public var isRetryable: Bool {
        switch code {
        case 429, 500, 502, 503, 504: return true
        case 409: return reason == "Conflict" && !isFieldManagerConflict
        default: return code >= 500
        }
    }
}
