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
        let previous = Task { () async -> Result<Inventory?, ClusterError> in
            do throws(ClusterError) { return .success(try await loadInventory(app: app.name)) } catch { return .failure(error) }
        }
        return await reconcile(bundle, app: app) { () async throws(ClusterError) -> Inventory? in try await previous.value.get() }
    }

    /// Reconciles `bundle` for `app`; `previousInventory` is what the last successful reconcile stored.
    public func reconcile(_ bundle: DesiredBundle, app: AppConfig, previousInventory: Inventory?) async -> ReconcileResult {
        await reconcile(bundle, app: app) { () async throws(ClusterError) -> Inventory? in previousInventory }
    }

    /// The reconcile itself; `previousInventory` is awaited after the bundle is prepared and before anything is applied.
    func reconcile(
        _ bundle: DesiredBundle, app: AppConfig, previousInventory loadPrevious: () async throws(ClusterError) -> Inventory?
    ) async -> ReconcileResult {
        var result = ReconcileResult(app: app.name, outcomes: [], notReady: [], failure: nil)
        let prepared: Result<[JSONValue], any Error>
        do { prepared = .success(try await prepare(bundle, app: app)) } catch { prepared = .failure(error) }
        let previousInventory: Inventory?
        do { previousInventory = try await loadPrevious() } catch {
            return ReconcileResult(app: app.name, outcomes: [], notReady: [], failure: .unreachable(error.message))
        }
        do {
            let desired = try prepared.get()
            result.desired = desired
            let applied = try await applyAll(desired, app: app, into: &result)
            if result.failure == nil, app.wait { await waitForHealth(applied, timeout: app.timeout.duration, into: &result) }
            if result.failure == nil, isSuperseded() { result.failure = .superseded }
            guard result.failure == nil || Self.mayPruneAfter(result.failure) else {
                // Keep tracking what this attempt created, so a later full success can prune it.
                let kept = previousInventory?.objects ?? []
                try await storeInventory(Inventory(app: app.name, objects: kept.union(applied.compactMap(ObjectReference.init(of:)))), into: &result)
                return result
            }
            if app.prune { try await prune(app: app.name, previous: previousInventory, desired: desired, into: &result) }
            try await storeInventory(Inventory(app: app.name, objects: Set(desired.compactMap(ObjectReference.init(of:)))), into: &result)
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
        let problems = BundleValidation.problems(in: bundle.objects)
        guard problems.isEmpty else { throw ReconcileFailure.invalidBundle(problems) }
        let decoration = ObjectDecoration(
            app: app.name, targetNamespace: app.targetNamespace, revision: bundle.revision, bundleDigest: bundle.digest)
        async let othersRead = otherInventories(app: app.name)
        let desired = try await decorate(bundle.objects, with: decoration)
        let others = try await othersRead
        let conflicts = OwnershipCheck.conflicts(app: app.name, desired: desired.compactMap(ObjectIdentity.init(of:)), otherInventories: others)
        guard conflicts.isEmpty else { throw ReconcileFailure.ownership(conflicts) }
        return desired
    }
}
