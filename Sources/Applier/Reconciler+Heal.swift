import CapstanCore

extension Reconciler {
    /// Re-applies those of `objects` (decorated, as `ReconcileResult.desired` holds them) that drifted:
    /// gone, or a field Capstan set changed. Objects still as applied cost one read and no write and
    /// get no outcome; an apply the server stored as a no-op (same resourceVersion, e.g. a value it
    /// normalises) is `unchanged`, so it is never counted as a correction nor re-applied in a loop.
    public func heal(_ objects: [JSONValue], app: String) async -> [ObjectOutcome] {
        var outcomes: [ObjectOutcome] = []
        for object in objects {
            if let outcome = await healOne(object, app: app) { outcomes.append(outcome) }
        }
        return outcomes
    }

    func healOne(_ object: JSONValue, app: String) async -> ObjectOutcome? {
        guard let reference = ObjectReference(of: object) else { return nil }
        do {
            return try await retry.run { () async throws(ClusterError) -> ObjectOutcome? in
                let live = try await client.get(reference)
                if let live, let conflict = OwnershipCheck.conflict(app: app, live: live) {
                    return ObjectOutcome(object: reference, action: .failed, message: conflict.description)
                }
                if let live, ChangeDetection.isUnchanged(desired: object, live: live) { return nil }
                let stored = try await client.apply(object, fieldManager: fieldManager, force: true, dryRun: false)
                let version = ["metadata", "resourceVersion"]
                if let before = live?.value(at: version), stored.value(at: version) == before {
                    return ObjectOutcome(object: reference, action: .unchanged)
                }
                return ObjectOutcome(object: reference, action: live == nil ? .created : .configured)
            }
        } catch {
            return ObjectOutcome(object: reference, action: .failed, message: error.message)
        }
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
