import CapstanCore

/// One change seen by a watch, or a fresh full list after the watch lost its place.
public enum WatchEvent: Sendable {
    case added(JSONValue)
    case modified(JSONValue)
    case deleted(JSONValue)
    /// The server's progress marker: nothing changed up to this resourceVersion.
    case bookmark(resourceVersion: String)
    /// The complete current set: sent first when watching without a resourceVersion, and again
    /// whenever the server said the last one is too old (410 Gone) and the watch re-listed.
    case relisted([JSONValue], resourceVersion: String)
}
