import CapstanCore

extension Reconciler {
    /// The field manager that owns only the suspension annotation, so Capstan's own applies of the
    /// inventory never remove it.
    static let suspensionManager = "capstan-suspension"

    /// Whether `app` was suspended or resumed at run time (SUSPEND/RESUME), as its inventory
    /// ConfigMap records; nil when it never was.
    public func loadSuspension(app: String) async throws(ClusterError) -> Bool? {
        let reference = ObjectReference(apiVersion: "v1", kind: "ConfigMap", namespace: inventoryNamespace, name: Inventory.configMapName(app: app))
        let configMap = try await retry.run { () async throws(ClusterError) in try await client.get(reference) }
        switch configMap?.value(at: ["metadata", "annotations", AnnotationKeys.suspended])?.stringValue {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    /// Records a SUSPEND or RESUME on the app's inventory ConfigMap, so it survives a restart.
    public func storeSuspension(_ suspended: Bool, app: String) async throws(ClusterError) {
        let namespace = ObjectReference(apiVersion: "v1", kind: "Namespace", name: inventoryNamespace)
        let marker: JSONValue = [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": [
                "name": .string(Inventory.configMapName(app: app)), "namespace": .string(inventoryNamespace),
                "labels": .object([AnnotationKeys.inventoryLabel: .string(app)]),
                "annotations": .object([AnnotationKeys.suspended: .string(suspended ? "true" : "false")]),
            ],
            "data": ["app": .string(app)],
        ]
        try await retry.run { () async throws(ClusterError) in
            if try await client.get(namespace) == nil {
                let object: JSONValue = ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(inventoryNamespace)]]
                _ = try await client.apply(object, fieldManager: fieldManager, force: true, dryRun: false)
            }
            _ = try await client.apply(marker, fieldManager: Self.suspensionManager, force: true, dryRun: false)
        }
    }
}
