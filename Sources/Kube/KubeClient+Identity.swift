import CapstanCore

extension KubeClient {
    /// Where an identity's kind lives, at its group's preferred version (inventories keep no version).
    public func mapping(for identity: ObjectIdentity) async throws -> ResourceMapping {
        try await preferredMapping(group: identity.group, kind: identity.kind)
    }

    /// The live object an identity names.
    public func get(_ identity: ObjectIdentity) async throws -> JSONValue {
        let mapping = try await mapping(for: identity)
        return try await get(mapping.kind, namespace: identity.namespace, name: identity.name)
    }

    /// Deletes the object an identity names (prune).
    @discardableResult
    public func delete(
        _ identity: ObjectIdentity, propagationPolicy: PropagationPolicy = .background, dryRun: Bool = false
    ) async throws -> JSONValue {
        let mapping = try await mapping(for: identity)
        return try await delete(
            mapping.kind, namespace: identity.namespace, name: identity.name, propagationPolicy: propagationPolicy,
            dryRun: dryRun)
    }
}
