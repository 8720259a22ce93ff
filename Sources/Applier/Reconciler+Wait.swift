import CapstanCore

extension Reconciler {
    /// Waits until the CRDs among `objects` are Established, so their custom resources can be applied next.
    func waitForDefinitions(in objects: [JSONValue], timeout: Duration) async throws {
        let crds = objects.filter(ApplyPlan.isCRD)
        guard !crds.isEmpty else { return }
        let pending = await poll(crds, until: ContinuousClock.now + timeout)
        guard pending.isEmpty else { throw ReconcileFailure.healthTimeout(pending) }
        do {
            try await retry.run { () async throws(ClusterError) in try await client.refreshMappings() }
        } catch {
            throw ReconcileFailure.unreachable("refreshing discovery: \(error.message)")
        }
    }

    /// Waits for every applied object to be ready; records what is still not ready, or failed, when it stops.
    func waitForHealth(_ objects: [JSONValue], timeout: Duration, into result: inout ReconcileResult) async {
        let pending = await poll(objects, until: ContinuousClock.now + timeout)
        result.notReady = pending
        guard !pending.isEmpty else { return }
        if isSuperseded() {
            result.failure = .superseded
            return
        }
        let failed = pending.filter(\.health.isFailed)
        result.failure = failed.isEmpty ? .healthTimeout(pending) : .unhealthy(failed)
    }

    /// Polls the live objects until all are ready, one has failed, or the deadline passes; returns the rest.
    func poll(_ objects: [JSONValue], until deadline: ContinuousClock.Instant) async -> [ObjectReadiness] {
        var pending = objects.compactMap(ObjectReference.init(of:))
        var latest: [ObjectReadiness] = []
        while true {
            latest = []
            for reference in pending {
                latest.append(ObjectReadiness(object: reference, health: await health(of: reference)))
            }
            latest = latest.filter { !$0.health.isReady }
            pending = latest.map(\.object)
            if latest.isEmpty || latest.contains(where: \.health.isFailed) || ContinuousClock.now >= deadline || isSuperseded() {
                return latest
            }
            try? await Task.sleep(for: min(pollInterval, deadline - ContinuousClock.now))
        }
    }

    func health(of reference: ObjectReference) async -> Health {
        do {
            guard let live = try await client.get(reference) else { return .progressing("object does not exist") }
            return HealthCheck.assess(live)
        } catch {
            return .progressing("cannot read it: \(error.message)")
        }
    }
}
