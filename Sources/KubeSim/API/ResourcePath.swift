/// A URL under `/api/v1` or `/apis/<group>/<version>` resolved to a served type, namespace, name and subresource.
struct ResourcePath: Sendable {
    var type: ResourceType
    /// The namespace from the URL; nil for cluster-scoped types and all-namespace lists.
    var namespace: String?
    var name: String?
    var subresource: String?

    /// Resolves the path segments after the group-version prefix, or nil when nothing is served there.
    static func resolve(group: String, version: String, segments: [String], catalog: ResourceCatalog) -> ResourcePath? {
        func type(_ plural: String) -> ResourceType? { catalog.type(group: group, version: version, plural: plural) }
        if segments.count >= 3, segments[0] == "namespaces", let namespaced = type(segments[2]), namespaced.namespaced,
            !(group.isEmpty && segments.count == 3 && ["status", "finalize"].contains(segments[2]))
        {
            return ResourcePath(type: namespaced, namespace: segments[1], name: segments.count > 3 ? segments[3] : nil,
                                subresource: segments.count > 4 ? segments[4] : nil)
                .validated(extra: segments.count > 5)
        }
        guard let first = segments.first, let found = type(first) else { return nil }
        return ResourcePath(type: found, namespace: nil, name: segments.count > 1 ? segments[1] : nil,
                            subresource: segments.count > 2 ? segments[2] : nil)
            .validated(extra: segments.count > 3)
    }

    private func validated(extra: Bool) -> ResourcePath? {
        if extra { return nil }
        if let subresource {
            switch subresource {
            case "status": guard type.hasStatus else { return nil }
            case "scale": guard type.hasScale else { return nil }
            case "finalize": guard type.plural == "namespaces" else { return nil }
            default: return nil
            }
        }
        return self
    }
}
