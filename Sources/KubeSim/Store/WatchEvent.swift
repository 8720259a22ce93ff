import CapstanCore

/// One change in the store, as a watch stream sends it.
public struct WatchEvent: Sendable {
    /// The `type` field of a watch event.
    public enum Kind: String, Sendable {
        case added = "ADDED", modified = "MODIFIED", deleted = "DELETED", bookmark = "BOOKMARK", error = "ERROR"
    }

    public var kind: Kind
    public var storageKey: String
    public var namespace: String
    public var object: JSONValue
    public var resourceVersion: Int64
    /// The object before a MODIFIED change, so selector watches can tell objects entering and leaving.
    public var previous: JSONValue? = nil

    /// `{"type":…,"object":…}` followed by a newline.
    public var line: String {
        var text = "{\"type\":\"\(kind.rawValue)\",\"object\":"
        object.write(to: &text)
        text += "}\n"
        return text
    }
}
