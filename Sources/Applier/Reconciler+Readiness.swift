import CapstanCore

extension Reconciler {
    /// The field manager that owns only the ready-bundle annotation.
    static let readinessManager = "capstan-readiness"

    /// The bundle digest `app` was last Ready at, as its inventory ConfigMap records: how an applier
    /// shard learns that a dependency another shard owns is Ready.
    public func loadReadyBundle(app: String) async throws(ClusterError) -> String? {
        try await inventoryAnnotation(AnnotationKeys.readyBundle, app: app)
    }

    /// Records that `app` is Ready at bundle `digest`.
    public func storeReadyBundle(_ digest: String, app: String) async throws(ClusterError) {
        try await storeInventoryAnnotation(AnnotationKeys.readyBundle, digest, app: app, manager: Self.readinessManager)
    }
}
