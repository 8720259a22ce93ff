import CapstanCore

extension Reconciler {
    /// Applies the plan phase by phase; returns the objects as stored. Rejections do not stop the
    /// other objects; an unreachable API stops after the current phase.
    /// `liveState`, read while the bundle was prepared, stands for each phase's read while no earlier phase wrote anything.
    func applyAll(
        _ desired: [JSONValue], app: AppConfig, liveState: Task<[ObjectReference: JSONValue?], Never>? = nil,
        into result: inout ReconcileResult
    ) async throws -> [JSONValue] {
        var stored: [JSONValue] = []
        var rejected: [ObjectOutcome] = []
        let phases = ApplyPlan(desired).phases
        defer { liveState?.cancel() }
        var written = false
        for phase in phases {
            var started = ContinuousClock.now
            let live: [ObjectReference: JSONValue?]
            if let liveState, !written { live = await liveState.value } else { live = await prefetch(phase.objects) }
            ExitRetainer.keep(live)
            PhaseTimer.mark("\(phase.name): live state read", since: started)
            started = .now
            let results = await applyPhase(phase.objects, app: app.name, prefetched: live)
            PhaseTimer.mark("\(phase.name): \(phase.objects.count) objects applied", since: started)
            written = written || results.contains { $0.0.action == .created || $0.0.action == .configured }
            for (outcome, object) in results {
                result.outcomes.append(outcome)
                if let object { stored.append(Self.skeleton(object)) }
                if outcome.action == .failed { rejected.append(outcome) }
            }
            if let unreachable = results.first(where: { $0.1 == nil && $0.0.message.hasPrefix(Self.unreachablePrefix) }) {
                result.failure = .unreachable(unreachable.0.description)
                return stored
            }
            try await waitForDefinitions(in: results.compactMap(\.1), timeout: app.timeout.duration)
            if isSuperseded() {
                result.failure = .superseded
                return stored
            }
        }
        if !rejected.isEmpty { result.failure = .rejected(rejected) }
        return stored
    }

    static let unreachablePrefix = "API unreachable: "

    /// What the rest of a reconcile needs of an applied object: its reference. Keeping only that
    /// (not the server's copy with managedFields) bounds memory on large bundles.
    static func skeleton(_ object: JSONValue) -> JSONValue {
        var metadata: [String: JSONValue] = ["name": object.value(at: ["metadata", "name"]) ?? .null]
        if let namespace = object.value(at: ["metadata", "namespace"]) { metadata["namespace"] = namespace }
        return ["apiVersion": object["apiVersion"] ?? .null, "kind": object["kind"] ?? .null, "metadata": .object(metadata)]
    }

    /// Applies one phase with at most `concurrency` requests in flight, keeping bundle order in the results.
    func applyPhase(_ objects: [JSONValue], app: String, prefetched: [ObjectReference: JSONValue?]) async -> [(ObjectOutcome, JSONValue?)] {
        return await withTaskGroup(of: (Int, ObjectOutcome, JSONValue?).self) { group in
            var results = [(ObjectOutcome, JSONValue?)?](repeating: nil, count: objects.count)
            var next = 0
            func startNext() {
                guard next < objects.count else { return }
                let index = next, object = objects[index]
                next += 1
                let known = ObjectReference(of: object).flatMap { prefetched[$0] }
                group.addTask { let (outcome, live) = await applyOne(object, app: app, prefetched: known); return (index, outcome, live) }
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            for await (index, outcome, live) in group {
                results[index] = (outcome, live)
                startNext()
            }
            return results.map { $0! }
        }
    }

    /// Reads the live object (unless `prefetched` already holds it, or its absence), skips it when
    /// unchanged and drift-free, else applies it with force.
    func applyOne(_ object: JSONValue, app: String, prefetched: JSONValue?? = nil) async -> (ObjectOutcome, JSONValue?) {
        let reference = ObjectReference(of: object)!
        do {
            return try await retry.run { () async throws(ClusterError) in
                let live: JSONValue?
                if let prefetched { live = prefetched } else { live = try await client.get(reference) }
                if let live, let conflict = OwnershipCheck.conflict(app: app, live: live) {
                    return (ObjectOutcome(object: reference, action: .failed, message: conflict.description), nil)
                }
                if let live, ChangeDetection.isUnchanged(desired: object, live: live) {
                    return (ObjectOutcome(object: reference, action: .unchanged), live)
                }
                let stored = try await client.apply(object, fieldManager: fieldManager, force: true, dryRun: false)
                return (ObjectOutcome(object: reference, action: live == nil ? .created : .configured), stored)
            }
        } catch .unreachable(let message) {
            return (ObjectOutcome(object: reference, action: .failed, message: Self.unreachablePrefix + message), nil)
        } catch {
            return (ObjectOutcome(object: reference, action: .failed, message: error.message), nil)
        }
    }
}
