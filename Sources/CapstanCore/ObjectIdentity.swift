/// Who a Kubernetes object is, independent of version: the key of inventories, prunes and logs.
///
/// Prints as `Kind/namespace/name` (`Deployment/shop/web`), or `Kind/name` for cluster-scoped
/// objects; the group is kept apart so `Ingress` in two groups never collide.
public struct ObjectIdentity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let group: String
    public let kind: String
    public let namespace: String
    public let name: String

    public init(group: String, kind: String, namespace: String = "", name: String) {
        self.group = group
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// The identity of an object given as JSON, or nil when apiVersion, kind or name is missing.
    public init?(of object: JSONValue) {
        guard let apiVersion = object["apiVersion"]?.stringValue, let kind = object["kind"]?.stringValue,
            let name = object.value(at: ["metadata", "name"])?.stringValue
        else { return nil }
        self.init(
            group: ObjectIdentity.group(ofAPIVersion: apiVersion), kind: kind,
            namespace: object.value(at: ["metadata", "namespace"])?.stringValue ?? "", name: name)
    }

    /// The group part of an apiVersion: `apps` for `apps/v1`, empty for `v1`.
    public static func group(ofAPIVersion apiVersion: String) -> String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    public var description: String {
        namespace.isEmpty ? "\(kind)/\(name)" : "\(kind)/\(namespace)/\(name)"
    }

    public static func < (lhs: ObjectIdentity, rhs: ObjectIdentity) -> Bool {
        (lhs.group, lhs.kind, lhs.namespace, lhs.name) < (rhs.group, rhs.kind, rhs.namespace, rhs.name)
    }
}
