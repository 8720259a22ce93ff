/// A resource's identity inside one build: kind, group, version, name and namespace.
///
/// kustomize compares ids with an "effective" namespace (empty and `default` are the same for
/// namespaced kinds, and cluster-scoped kinds have none), which this type reproduces.
public struct ResourceID: Sendable, Hashable, CustomStringConvertible {
    public var gvk: GVK
    public var name: String
    public var namespace: String

    public init(gvk: GVK, name: String, namespace: String = "") {
        self.gvk = gvk
        self.name = name
        self.namespace = namespace
    }

    /// The namespace used for comparisons.
    public var effectiveNamespace: String {
        if gvk.isClusterScoped { return "_cluster_" }
        return namespace.isEmpty ? "default" : namespace
    }

    /// Same kind/group/version, name and effective namespace.
    public func equals(_ other: ResourceID) -> Bool {
        gvk == other.gvk && name == other.name && effectiveNamespace == other.effectiveNamespace
    }

    /// The fields `equals` compares, as one string for sets and dictionaries.
    var comparisonKey: String { "\(gvk.group)/\(gvk.version)/\(gvk.kind)/\(effectiveNamespace)/\(name)" }

    /// kustomize's printed id: `Kind.version.group/name.namespace`.
    public var description: String {
        "\(gvk)/\(name).\(namespace.isEmpty ? "[noNs]" : namespace)"
    }
}
