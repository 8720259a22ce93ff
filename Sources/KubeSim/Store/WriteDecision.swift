import CapstanCore

/// What a read-modify-write closure asks the store to do with the object it was shown.
public enum WriteDecision: Sendable {
    /// Store this object (created or replaced); the store sets its resourceVersion.
    case put(JSONValue)
    /// Delete the current object now.
    case remove
    /// Change nothing and answer with this object (no-ops and dry runs).
    case keep(JSONValue, created: Bool)
}

/// What a write did, with the object as stored (or as it would be).
public struct WriteOutcome: Sendable {
    public var object: JSONValue
    public var created: Bool
    public var deleted: Bool
}
