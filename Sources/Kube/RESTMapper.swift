/// The cluster's kinds mapped to resources, as discovery last reported them.
public struct RESTMapper: Sendable {
    private var mappings: [GroupVersionKind: ResourceMapping] = [:]
    /// Per group and kind, the mapping at the group's preferred version.
    private var preferred: [GroupKind: ResourceMapping] = [:]

    struct GroupKind: Hashable {
        var group: String
        var kind: String
    }

    public init(_ entries: [ResourceMapping] = []) {
        // Entries come in preference order: the first version of a kind wins `preferred`.
        for entry in entries {
            if mappings[entry.kind] == nil { mappings[entry.kind] = entry }
            let key = GroupKind(group: entry.kind.group, kind: entry.kind.kind)
            if preferred[key] == nil { preferred[key] = entry }
        }
    }

    /// The mapping of an exact group, version and kind.
    public func mapping(for kind: GroupVersionKind) -> ResourceMapping? { mappings[kind] }

    /// The mapping of a kind at its group's preferred version (for identities without a version).
    public func preferredMapping(group: String, kind: String) -> ResourceMapping? {
        preferred[GroupKind(group: group, kind: kind)]
    }

    public var count: Int { mappings.count }
    public var all: [ResourceMapping] { Array(mappings.values) }
}
