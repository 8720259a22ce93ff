import CapstanCore

extension Reconciler {
    /// Re-applies those of `objects` (decorated, as `ReconcileResult.desired` holds them) that drifted:
    /// gone, or a field Capstan set changed. Objects still as applied cost one read and no write.
    public func heal(_ objects: [JSONValue], app: String) async -> [ObjectOutcome] {
        await applyPhase(objects, app: app).map(\.0)
    }

    /// The objects among `desired` whose live state lost what Capstan applied (or that are gone); changes nothing.
    public func drifted(_ desired: [JSONValue]) async throws(ClusterError) -> [ObjectReference] {
        var found: [ObjectReference] = []
        for object in desired {
            guard let reference = ObjectReference(of: object) else { continue }
            let live = try await retry.run { () async throws(ClusterError) in try await client.get(reference) }
            if let live, ChangeDetection.isUnchanged(desired: object, live: live) { continue }
            found.append(reference)
        }
        return found
    }
}
