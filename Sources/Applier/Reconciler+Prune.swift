import CapstanCore

extension Reconciler {
    /// Deletes what the previous inventory holds and the bundle does not, sparing protected and foreign objects.
    func prune(app: String, previous: Inventory?, desired: [JSONValue], into result: inout ReconcileResult) async throws {
        let wanted = Set(desired.compactMap(ObjectIdentity.init(of:)))
        // Other apps' claims only ever remove candidates: with none to begin with, there is nothing to read.
        guard !PrunePlan.candidates(previous: previous, desired: wanted, claimedByOthers: [], allApplied: true).isEmpty else { return }
        let others = try await otherInventories(app: app)
        let candidates = PrunePlan.candidates(
            previous: previous, desired: wanted,
            claimedByOthers: others.reduce(into: Set()) { $0.formUnion($1.identities) }, allApplied: true)
        for reference in candidates {
            if let outcome = await pruneOne(reference, app: app) { result.outcomes.append(outcome) }
        }
    }

    /// Deletes one object unless it is gone, protected, or labelled for another app; nil when nothing was done.
    func pruneOne(_ reference: ObjectReference, app: String) async -> ObjectOutcome? {
        do {
            return try await retry.run { () async throws(ClusterError) -> ObjectOutcome? in
                guard let live = try await client.get(reference), PrunePlan.mayDelete(live: live),
                    OwnershipCheck.conflict(app: app, live: live) == nil
                else { return nil }
                try await client.delete(reference)
                return ObjectOutcome(object: reference, action: .pruned)
            }
        } catch {
            return ObjectOutcome(object: reference, action: .failed, message: "prune: \(error.message)")
        }
    }
}
