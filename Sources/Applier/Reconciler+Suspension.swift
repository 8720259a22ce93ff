import CapstanCore

extension Reconciler {
    /// The field manager that owns only the suspension annotation, so Capstan's own applies of the
    /// inventory never remove it.
    static let suspensionManager = "capstan-suspension"

    /// Whether `app` was suspended or resumed at run time (SUSPEND/RESUME), as its inventory
    /// ConfigMap records; nil when it never was.
    public func loadSuspension(app: String) async throws(ClusterError) -> Bool? {
        switch try await inventoryAnnotation(AnnotationKeys.suspended, app: app) {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    /// Records a SUSPEND or RESUME on the app's inventory ConfigMap, so it survives a restart.
    public func storeSuspension(_ suspended: Bool, app: String) async throws(ClusterError) {
        try await storeInventoryAnnotation(AnnotationKeys.suspended, suspended ? "true" : "false", app: app, manager: Self.suspensionManager)
    }

    /// One annotation of the app's inventory ConfigMap; nil when it or the ConfigMap is missing.
    func inventoryAnnotation(_ key: String, app: String) async throws(ClusterError) -> String? {
        let reference = ObjectReference(apiVersion: "v1", kind: "ConfigMap", namespace: inventoryNamespace, name: Inventory.configMapName(app: app))
        let configMap = try await retry.run { () async throws(ClusterError) in try await client.get(reference) }
        return configMap?.value(at: ["metadata", "annotations", key])?.stringValue
    }

    /// Sets one annotation on the app's inventory ConfigMap (creating it, and the inventory
    /// namespace, when missing), owned by `manager` alone so no other apply removes it.
    func storeInventoryAnnotation(_ key: String, _ value: String, app: String, manager: String) async throws(ClusterError) {
        let namespace = ObjectReference(apiVersion: "v1", kind: "Namespace", name: inventoryNamespace)
        let marker: JSONValue = [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": [
                "name": .string(Inventory.configMapName(app: app)), "namespace": .string(inventoryNamespace),
                "labels": .object([AnnotationKeys.inventoryLabel: .string(app)]),
                "annotations": .object([key: .string(value)]),
            ],
            "data": ["app": .string(app)],
        ]
        try await retry.run { () async throws(ClusterError) in
            if try await client.get(namespace) == nil {
                let object: JSONValue = ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(inventoryNamespace)]]
                _ = try await client.apply(object, fieldManager: fieldManager, force: true, dryRun: false)
            }
            _ = try await client.apply(marker, fieldManager: manager, force: true, dryRun: false)
        }
    }
}
