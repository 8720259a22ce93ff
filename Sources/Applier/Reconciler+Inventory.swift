import CapstanCore

extension Reconciler {
    /// The inventory stored for `app`, or nil when there is none yet.
    public func loadInventory(app: String) async throws(ClusterError) -> Inventory? {
        try await loadStoredInventory(app: app).inventory
    }

    /// The stored inventory and the ConfigMap it was read from (nil when there is none).
    struct StoredInventory: Sendable {
        var inventory: Inventory?
        var configMap: JSONValue?
    }

    func loadStoredInventory(app: String) async throws(ClusterError) -> StoredInventory {
        let reference = ObjectReference(apiVersion: "v1", kind: "ConfigMap", namespace: inventoryNamespace, name: Inventory.configMapName(app: app))
        guard let configMap = try await retry.run({ () async throws(ClusterError) in try await client.get(reference) }) else {
            return StoredInventory(inventory: nil, configMap: nil)
        }
        do { return StoredInventory(inventory: try Inventory(configMap: configMap), configMap: configMap) } catch {
            throw .rejected(code: 0, message: error.description)
        }
    }

    /// The inventories of every other app, read from the inventory namespace.
    func otherInventories(app: String) async throws -> [Inventory] {
        let configMaps: [JSONValue]
        do {
            configMaps = try await retry.run { () async throws(ClusterError) in
                try await client.list(apiVersion: "v1", kind: "ConfigMap", namespace: inventoryNamespace, labelSelector: AnnotationKeys.inventoryLabel)
            }
        } catch {
            throw ReconcileFailure.unreachable(error.message)
        }
        // The app's own inventory (often the largest) is not decoded: it is filtered out anyway.
        return configMaps.filter { $0.value(at: ["data", "app"])?.stringValue != app }.compactMap { try? Inventory(configMap: $0) }
    }

    /// Writes the inventory ConfigMap, creating the inventory namespace first when it is missing.
    /// `readAtStart`, the ConfigMap as this reconcile first read it: when it already holds the
    /// inventory, nothing is read or written again.
    func storeInventory(_ inventory: Inventory, readAtStart: JSONValue? = nil, into result: inout ReconcileResult) async throws {
        if let readAtStart, ChangeDetection.drift(desired: inventory.configMap(namespace: inventoryNamespace), live: readAtStart).isEmpty {
            result.inventory = inventory
            return
        }
        let namespace = ObjectReference(apiVersion: "v1", kind: "Namespace", name: inventoryNamespace)
        do {
            try await retry.run { () async throws(ClusterError) in
                let stored = ObjectReference(apiVersion: "v1", kind: "ConfigMap", namespace: inventoryNamespace, name: Inventory.configMapName(app: inventory.app))
                let desired = inventory.configMap(namespace: inventoryNamespace)
                // An existing inventory means its namespace exists: one read when nothing changed.
                if let live = try await client.get(stored) {
                    if ChangeDetection.drift(desired: desired, live: live).isEmpty { return }
                } else if try await client.get(namespace) == nil {
                    let object: JSONValue = ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(inventoryNamespace)]]
                    _ = try await client.apply(object, fieldManager: fieldManager, force: true, dryRun: false)
                }
                _ = try await client.apply(desired, fieldManager: fieldManager, force: true, dryRun: false)
            }
        } catch {
            throw ReconcileFailure.unreachable("storing inventory: \(error.message)")
        }
        result.inventory = inventory
    }
}
