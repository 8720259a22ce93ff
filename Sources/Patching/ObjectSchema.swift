import CapstanCore

/// The patch and apply schema of one kind: built-in kinds get their upstream list keys and
/// atomic markers, every other kind (custom resources) the deduced defaults.
public struct ObjectSchema: Sendable {
    /// The schema of the whole object.
    public let root: SchemaNode
    /// Whether the kind is one of the built-in kinds the tables describe.
    public let isBuiltin: Bool

    init(root: SchemaNode, isBuiltin: Bool) {
        self.root = root
        self.isBuiltin = isBuiltin
    }

    /// The deduced schema used for custom resources: maps merge by key, lists are atomic.
    public static let deduced = ObjectSchema(
        root: .structure(["metadata": BuiltinSchemas.objectMeta]), isBuiltin: false)

    /// The schema for `apiVersion` (`group/version` or `v1`) and `kind`, deduced when not built in.
    public static func forKind(apiVersion: String, kind: String) -> ObjectSchema {
        builtin(apiVersion: apiVersion, kind: kind) ?? .deduced
    }

    /// The schema of a built-in kind, or nil for kinds the tables do not know.
    public static func builtin(apiVersion: String, kind: String) -> ObjectSchema? {
        let group = apiVersion.firstIndex(of: "/").map { String(apiVersion[..<$0]) } ?? ""
        return builtin(group: group, kind: kind)
    }

    /// The schema of a built-in kind by API group (`""` for core, `apps`, …), or nil.
    public static func builtin(group: String, kind: String) -> ObjectSchema? {
        guard let root = BuiltinSchemas.kinds[group + "/" + kind] else { return nil }
        return ObjectSchema(root: root, isBuiltin: true)
    }

    /// The schema for a kind by API group, deduced when not built in.
    public static func forKind(group: String, kind: String) -> ObjectSchema {
        builtin(group: group, kind: kind) ?? .deduced
    }

    /// The schema for an object, read from its own `apiVersion` and `kind`.
    public static func forObject(_ object: JSONValue) -> ObjectSchema {
        forKind(
            apiVersion: object["apiVersion"]?.stringValue ?? "", kind: object["kind"]?.stringValue ?? "")
    }
}
