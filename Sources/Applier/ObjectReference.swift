import CapstanCore

/// Where an object lives in the API: apiVersion and kind select the resource, namespace and name the object.
public struct ObjectReference: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var apiVersion: String
    public var kind: String
    public var namespace: String
    public var name: String

    public init(apiVersion: String, kind: String, namespace: String = "", name: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// The reference of an object given as JSON, or nil when apiVersion, kind or name is missing.
    public init?(of object: JSONValue) {
        guard let apiVersion = object["apiVersion"]?.stringValue, let kind = object["kind"]?.stringValue,
            let name = object.value(at: ["metadata", "name"])?.stringValue
        else { return nil }
        self.init(
            apiVersion: apiVersion, kind: kind,
            namespace: object.value(at: ["metadata", "namespace"])?.stringValue ?? "", name: name)
    }

    public var group: String { ObjectIdentity.group(ofAPIVersion: apiVersion) }
    public var version: String { apiVersion.split(separator: "/").last.map(String.init) ?? apiVersion }
    public var identity: ObjectIdentity { ObjectIdentity(group: group, kind: kind, namespace: namespace, name: name) }

    /// `deployment.apps/web`, as kubectl prints an object in its per-object lines.
    public var kubectlName: String {
        let kindPart = group.isEmpty ? kind.lowercased() : "\(kind.lowercased()).\(group)"
        return "\(kindPart)/\(name)"
    }

    public var description: String { identity.description }

    public static func < (lhs: ObjectReference, rhs: ObjectReference) -> Bool {
        (lhs.identity, lhs.version) < (rhs.identity, rhs.version)
    }
}
