import NIOConcurrencyHelpers

/// The kinds served right now: the built-ins plus those of established CustomResourceDefinitions.
public final class ResourceCatalog: Sendable {
    private struct State {
        var builtins: [ResourceType]
        var custom: [String: [ResourceType]] = [:]  // keyed by CRD name
        var byPath: [String: ResourceType] = [:]
        var byKind: [String: ResourceType] = [:]
    }

    private let state: NIOLockedValueBox<State>

    public init() {
        var initial = State(builtins: BuiltinResources.all)
        Self.reindex(&initial)
        state = NIOLockedValueBox(initial)
    }

    /// Every type served, built-ins first, in a stable order.
    public var all: [ResourceType] {
        state.withLockedValue { state in state.builtins + state.custom.keys.sorted().flatMap { state.custom[$0]! } }
    }

    /// The type served at `/apis/<group>/<version>/<plural>`.
    public func type(group: String, version: String, plural: String) -> ResourceType? {
        state.withLockedValue { $0.byPath["\(group)/\(version)/\(plural)"] }
    }

    /// The type of objects with this `apiVersion` and `kind`.
    public func type(apiVersion: String, kind: String) -> ResourceType? {
        state.withLockedValue { $0.byKind["\(apiVersion)|\(kind)"] }
    }

    /// Whether a group-version is served at all.
    public func serves(group: String, version: String) -> Bool {
        all.contains { $0.group == group && $0.version == version }
    }

    /// The group-versions in discovery order: the core group first, then groups in order of appearance.
    public func groupVersions() -> [(group: String, versions: [String])] {
        var order: [String] = []
        var versions: [String: [String]] = [:]
        for type in all {
            if versions[type.group] == nil { order.append(type.group) }
            if !(versions[type.group]?.contains(type.version) ?? false) { versions[type.group, default: []].append(type.version) }
        }
        return order.map { ($0, versions[$0]!) }
    }

    /// Serves the kinds of a CustomResourceDefinition, replacing what it served before.
    public func register(definition name: String, types: [ResourceType]) {
        state.withLockedValue { state in
            state.custom[name] = types
            Self.reindex(&state)
        }
    }

    /// Stops serving the kinds of a CustomResourceDefinition.
    public func unregister(definition name: String) {
        state.withLockedValue { state in
            state.custom[name] = nil
            Self.reindex(&state)
        }
    }

    private static func reindex(_ state: inout State) {
        state.byPath = [:]
        state.byKind = [:]
        for type in state.builtins + state.custom.values.flatMap({ $0 }) {
            state.byPath["\(type.group)/\(type.version)/\(type.plural)"] = type
            state.byKind["\(type.groupVersion)|\(type.kind)"] = type
        }
    }
}

extension ResourceCatalog {
    /// Whether a type is compiled in (strategic merge patch works only for those).
    public func isBuiltin(_ type: ResourceType) -> Bool {
        BuiltinResources.all.contains { $0.storageKey == type.storageKey }
    }
}

extension ResourceCatalog {
    /// Some served type stored under this key (any version).
    public func type(storageKey: String) -> ResourceType? {
        all.first { $0.storageKey == storageKey }
    }
}
