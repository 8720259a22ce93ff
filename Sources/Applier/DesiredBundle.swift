import CapstanCore

/// A rendered bundle as the applier receives it: objects plus the provenance it annotates them with.
public struct DesiredBundle: Sendable {
    public var objects: [JSONValue]
    public var revision: String?
    public var digest: String?

    public init(objects: [JSONValue], revision: String? = nil, digest: String? = nil) {
        self.objects = objects
        self.revision = revision
        self.digest = digest
    }
}
