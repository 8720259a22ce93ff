import CapstanCore

/// One reconcile of an app with a bundle: validate → decorate → order → apply → wait → prune → record.
public struct Reconciler: Sendable {
    public var client: any ClusterClient
    public var fieldManager = "capstan"
    public var inventoryNamespace = Inventory.defaultNamespace
    /// Objects applied at once within one phase.
    public var concurrency = 8
    public var retry = RetryPolicy()
    /// How often health is polled while waiting.
    public var pollInterval: Duration = .milliseconds(250)
    /// Asked at every safe point (between phases, while waiting, before pruning): true stops the
    /// reconcile there with `.superseded`, e.g. because a newer bundle arrived.
    public var isSuperseded: @Sendable () -> Bool = { false }

    public init(client: any ClusterClient) {
        self.client = client
    }

    /// Reconciles with the inventory stored in the cluster as the previous one. The inventory is read
    /// while the bundle is prepared; if it cannot be read, nothing is applied.
    public func reconcile(_ bundle: DesiredBundle, app: AppConfig) async -> ReconcileResult {
        let previous = Task { () async -> Result<StoredInventory, ClusterError> in
            do throws(ClusterError) { return .success(try await loadStoredInventory(app: app.name)) } catch { return .failure(error) }
        }
        return await reconcile(bundle, app: app) { () async throws(ClusterError) -> StoredInventory in try await previous.value.get() }
    }

    /// Reconciles the bundle `decoding` yields; the reads that need no bundle (the stored inventory,
    /// other apps' inventories) start before it is decoded. Throws what decoding threw.
    public func reconcile(decoding: Task<DesiredBundle, any Error>, app: AppConfig) async throws -> ReconcileResult {
        let previous = Task { () async -> Result<StoredInventory, ClusterError> in
            do throws(ClusterError) { return .success(try await loadStoredInventory(app: app.name)) } catch { return .failure(error) }
        }
        let others = Task { try await otherInventories(app: app.name) }
        let bundle: DesiredBundle
        do { bundle = try await decoding.value } catch {
            previous.cancel()
            others.cancel()
            throw error
        }
        return await reconcile(bundle, app: app, others: others) { () async throws(ClusterError) -> StoredInventory in try await previous.value.get() }
    }

    /// Reconciles `bundle` for `app`; `previousInventory` is what the last successful reconcile stored.
    public func reconcile(_ bundle: DesiredBundle, app: AppConfig, previousInventory: Inventory?) async -> ReconcileResult {
        await reconcile(bundle, app: app) { () async throws(ClusterError) -> StoredInventory in
            StoredInventory(inventory: previousInventory, configMap: nil)
        }
    }

    /// The reconcile itself; `previousInventory` is awaited after the bundle is prepared and before anything is applied.
    func reconcile(
        _ bundle: DesiredBundle, app: AppConfig, others: Task<[Inventory], any Error>? = nil,
        previousInventory loadPrevious: () async throws(ClusterError) -> StoredInventory
    ) async -> ReconcileResult {
        var result = ReconcileResult(app: app.name, outcomes: [], notReady: [], failure: nil)
        var started = ContinuousClock.now
        let prepared: Result<(desired: [JSONValue], liveState: Task<[ObjectReference: JSONValue?], Never>?), any Error>
        do { prepared = .success(try await prepare(bundle, app: app, readingLiveState: true, others: others)) } catch { prepared = .failure(error) }
        PhaseTimer.mark("prepared", since: started)
        let stored: StoredInventory
        do { stored = try await loadPrevious() } catch {
            if case .success(let prepared) = prepared { prepared.liveState?.cancel() }
            return ReconcileResult(app: app.name, outcomes: [], notReady: [], failure: .unreachable(error.message))
        }
        do {
            let previousInventory = stored.inventory
            let (desired, liveState) = try prepared.get()
            result.desired = desired
            ExitRetainer.keep(desired)
            started = .now
            let applied = try await applyAll(desired, app: app, liveState: liveState, into: &result)
            PhaseTimer.mark("applied", since: started)
            started = .now
            if result.failure == nil, app.wait { await waitForHealth(applied, timeout: app.timeout.duration, into: &result) }
            if result.failure == nil, isSuperseded() { result.failure = .superseded }
            guard result.failure == nil || Self.mayPruneAfter(result.failure) else {
                // Keep tracking what this attempt created, so a later full success can prune it.
                let kept = previousInventory?.objects ?? []
                try await storeInventory(Inventory(app: app.name, objects: kept.union(applied.compactMap(ObjectReference.init(of:)))), into: &result)
                return result
            }
            if app.prune { try await prune(app: app.name, previous: previousInventory, desired: desired, into: &result) }
            PhaseTimer.mark("waited and pruned", since: started)
            started = .now
            try await storeInventory(
                Inventory(app: app.name, objects: Set(desired.compactMap(ObjectReference.init(of:)))), readAtStart: stored.configMap, into: &result)
            PhaseTimer.mark("inventory stored", since: started)
        } catch let failure as ReconcileFailure {
            result.failure = failure
        } catch {
            result.failure = .unreachable(String(describing: error))
        }
        return result
    }

    /// Whether a reconcile that ended with `failure` still prunes and records the new inventory:
    /// only a health problem does, since every object was applied.
    static func mayPruneAfter(_ failure: ReconcileFailure?) -> Bool {
        switch failure {
        case .healthTimeout?, .unhealthy?: true
        default: false
        }
    }

    /// Validates, maps and decorates the bundle, and refuses objects other apps own; reads the
    /// cluster but changes nothing (the daemon uses it to know what a suspended app should hold).
    public func prepare(_ bundle: DesiredBundle, app: AppConfig) async throws -> [JSONValue] {
        try await prepare(bundle, app: app, readingLiveState: false).desired
    }

    /// `prepare`, and with `readingLiveState` the live state of the bundle's objects read meanwhile
    /// (LISTs started as soon as the REST mapping names their collections), for `applyAll`. Not with
    /// CRDs in the bundle: the kinds they define may not be served yet.
    /// `others`: the read of other apps' inventories, when already started.
    func prepare(
        _ bundle: DesiredBundle, app: AppConfig, readingLiveState: Bool, others othersStarted: Task<[Inventory], any Error>? = nil
    ) async throws -> (desired: [JSONValue], liveState: Task<[ObjectReference: JSONValue?], Never>?) {
        let validating = ContinuousClock.now
        let problems = BundleValidation.problems(in: bundle.objects)
        PhaseTimer.mark("validated", since: validating)
        guard problems.isEmpty else {
            othersStarted?.cancel()
            throw ReconcileFailure.invalidBundle(problems)
        }
        let decoration = ObjectDecoration(
            app: app.name, targetNamespace: app.targetNamespace, revision: bundle.revision, bundleDigest: bundle.digest)
        let othersTask = othersStarted ?? Task { try await otherInventories(app: app.name) }
        defer { othersTask.cancel() }
        let started = ContinuousClock.now
        let namespaced = try await namespacedFlags(bundle.objects)
        PhaseTimer.mark("mapped", since: started)
        var liveState: Task<[ObjectReference: JSONValue?], Never>?
        if readingLiveState, !bundle.objects.contains(where: ApplyPlan.isCRD) {
            let references = zip(bundle.objects, namespaced).compactMap { object, namespaced in
                decoration.reference(of: object, namespaced: namespaced)
            }
            liveState = Task { await prefetch(references: references) }
        }
        let desired = await Self.decorateInParallel(bundle.objects, namespaced: namespaced, with: decoration)
        PhaseTimer.mark("mapped and decorated", since: started)
        let others: [Inventory]
        do { others = try await othersTask.value } catch {
            liveState?.cancel()
            throw error
        }
        PhaseTimer.mark("other inventories read", since: started)
        let conflicts = OwnershipCheck.conflicts(app: app.name, desired: desired.compactMap(ObjectIdentity.init(of:)), otherInventories: others)
        guard conflicts.isEmpty else {
            liveState?.cancel()
            throw ReconcileFailure.ownership(conflicts)
        }
        return (desired, liveState)
    }
}
