import CapstanCore

/// A page-joined list: the items and the resourceVersion to watch from.
public struct ObjectList: Sendable {
    public var items: [JSONValue]
    public var resourceVersion: String
}
