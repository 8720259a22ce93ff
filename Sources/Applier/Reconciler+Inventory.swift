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
                try await client.list(apiVersion: "v1", kind: "ConfigMap", namespace: inventoryNamespace, labelSelector: Self.othersSelector(app: app))
            }
        } catch {
            throw ReconcileFailure.unreachable(error.message)
        }
        // The app's own inventory (often the largest) is not decoded: it is filtered out anyway.
        return configMaps.filter { $0.value(at: ["data", "app"])?.stringValue != app }.compactMap { try? Inventory(configMap: $0) }
    }

    /// Inventories of apps other than `app`: the server leaves the app's own (often the largest) out
    /// when its name is a valid label value (as it is whenever its inventory could be stored).
    static func othersSelector(app: String) -> String {
        let allowed = app.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x2E || byte == 0x5F
        }
        let alphanumericEnds = [app.utf8.first, app.utf8.last].allSatisfy { byte in
            byte.map { !($0 == 0x2D || $0 == 0x2E || $0 == 0x5F) } ?? false
        }
        guard allowed, alphanumericEnds, app.utf8.count <= 63 else { return AnnotationKeys.inventoryLabel }
        return "\(AnnotationKeys.inventoryLabel),\(AnnotationKeys.inventoryLabel)!=\(app)"
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
