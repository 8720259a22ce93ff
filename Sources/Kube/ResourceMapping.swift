/// Where a kind lives on the server: its resource name, scope and verbs.
public struct ResourceMapping: Sendable, Hashable {
    public var kind: GroupVersionKind
    /// The plural resource name in URLs (`deployments`).
    public var resource: String
    public var namespaced: Bool
    public var verbs: [String]

    public init(kind: GroupVersionKind, resource: String, namespaced: Bool, verbs: [String] = []) {
        self.kind = kind
        self.resource = resource
        self.namespaced = namespaced
        self.verbs = verbs
    }

    /// The collection path, in a namespace when the resource is namespaced and one is given.
    public func collectionPath(namespace: String?) -> String {
        let base = kind.group.isEmpty ? "/api/\(kind.version)" : "/apis/\(kind.group)/\(kind.version)"
        if namespaced, let namespace, !namespace.isEmpty {
            return "\(base)/namespaces/\(KubePath.escape(namespace))/\(resource)"
        }
        return "\(base)/\(resource)"
    }

    /// The path of one object.
    public func objectPath(namespace: String?, name: String) -> String {
        "\(collectionPath(namespace: namespace))/\(KubePath.escape(name))"
    }
}
