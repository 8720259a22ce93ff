/// What discovery says about a kind (the applier's view; Kube has its own): its resource name and whether its objects live in namespaces.
public struct KindMapping: Sendable, Hashable {
    public var group: String
    public var version: String
    public var kind: String
    public var resource: String
    public var namespaced: Bool

    public init(group: String, version: String, kind: String, resource: String, namespaced: Bool) {
        self.group = group
        self.version = version
        self.kind = kind
        self.resource = resource
        self.namespaced = namespaced
    }
}
