import CapstanCore

extension Controllers {
    /// Background propagation: once an owner is gone, its dependents go too.
    func collectDependents(of event: WatchEvent) {
        guard let uid = event.object.value(at: ["metadata", "uid"])?.stringValue else { return }
        for (type, object) in dependents(of: uid) {
            delete(type, object, policy: "Background")
        }
    }

    /// Objects marked for deletion: namespaces empty out, foreground owners wait for dependents, orphans let go.
    func finalize(_ event: WatchEvent) {
        guard let type = api.catalog.type(storageKey: event.storageKey),
            let name = event.object.value(at: ["metadata", "name"])?.stringValue
        else { return }
        if event.storageKey == "/namespaces" {
            emptyNamespace(name)
            finishNamespaceIfEmpty(name)
            return
        }
        let finalizers = event.object.value(at: ["metadata", "finalizers"])?.arrayValue ?? []
        let uid = event.object.value(at: ["metadata", "uid"])?.stringValue ?? ""
        if finalizers.contains("orphan") {
            for (dependentType, dependent) in dependents(of: uid) { dropOwner(uid, dependentType, dependent) }
            removeFinalizer("orphan", type, namespace: event.namespace, name: name)
        } else if finalizers.contains("foregroundDeletion") {
            let remaining = dependents(of: uid)
            for (dependentType, dependent) in remaining { delete(dependentType, dependent, policy: "Foreground") }
            if dependents(of: uid).isEmpty { removeFinalizer("foregroundDeletion", type, namespace: event.namespace, name: name) }
        }
    }

    /// A foreground owner whose last dependent just went can finish too.
    func recheckForegroundOwners(_ event: WatchEvent) {
        for owner in event.object.value(at: ["metadata", "ownerReferences"])?.arrayValue ?? [] {
            guard let uid = owner["uid"]?.stringValue else { continue }
            for type in api.catalog.all {
                for (_, object) in api.store.list(type.storageKey, namespace: nil).items
                where object.value(at: ["metadata", "uid"])?.stringValue == uid {
                    finalize(WatchEvent(kind: .modified, storageKey: type.storageKey,
                                        namespace: object.value(at: ["metadata", "namespace"])?.stringValue ?? "",
                                        object: object, resourceVersion: 0))
                }
            }
        }
    }

    private func emptyNamespace(_ namespace: String) {
        for type in api.catalog.all where type.namespaced {
            for (_, object) in api.store.list(type.storageKey, namespace: namespace).items {
                delete(type, object, policy: "Background")
            }
        }
    }

    func finishNamespaceIfEmpty(_ namespace: String) {
        guard let object = api.store.get("/namespaces", namespace: "", name: namespace),
            object.value(at: ["metadata", "deletionTimestamp"]) != nil
        else { return }
        let remaining = api.catalog.all.filter(\.namespaced).contains {
            !api.store.list($0.storageKey, namespace: namespace).items.isEmpty
        }
        if remaining { return }
        _ = try? api.store.write("/namespaces", namespace: "", name: namespace) { current throws(APIStatus) in
            guard var next = current else { return .keep(.null, created: false) }
            next.setValue([], at: ["spec", "finalizers"])
            let finalizers = next.value(at: ["metadata", "finalizers"])?.arrayValue ?? []
            return finalizers.isEmpty ? .remove : .put(next)
        }
    }

    private func dependents(of uid: String) -> [(ResourceType, JSONValue)] {
        var found: [(ResourceType, JSONValue)] = []
        var seen = Set<String>()
        for type in api.catalog.all where seen.insert(type.storageKey).inserted {
            for (_, object) in api.store.list(type.storageKey, namespace: nil).items {
                let owners = object.value(at: ["metadata", "ownerReferences"])?.arrayValue ?? []
                if owners.contains(where: { $0["uid"]?.stringValue == uid }) { found.append((type, object)) }
            }
        }
        return found
    }

    private func delete(_ type: ResourceType, _ object: JSONValue, policy: String) {
        var options = try! DeleteOptions(APIRequest(method: "DELETE", path: ""), decode: { _ throws(APIStatus) in [:] })
        options.propagationPolicy = policy
        _ = try? api.deleteObject(type, namespace: object.value(at: ["metadata", "namespace"])?.stringValue ?? "",
                                  name: object.value(at: ["metadata", "name"])?.stringValue ?? "", options: options)
    }

    private func dropOwner(_ uid: String, _ type: ResourceType, _ object: JSONValue) {
        let namespace = object.value(at: ["metadata", "namespace"])?.stringValue ?? ""
        let name = object.value(at: ["metadata", "name"])?.stringValue ?? ""
        _ = try? api.store.write(type.storageKey, namespace: namespace, name: name) { current throws(APIStatus) in
            guard var next = current else { return .keep(.null, created: false) }
            let owners = (next.value(at: ["metadata", "ownerReferences"])?.arrayValue ?? []).filter { $0["uid"]?.stringValue != uid }
            next.setValue(owners.isEmpty ? .null : .array(owners), at: ["metadata", "ownerReferences"])
            ObjectRules.removeNulls(&next)
            return .put(next)
        }
    }

    private func removeFinalizer(_ finalizer: String, _ type: ResourceType, namespace: String, name: String) {
        _ = try? api.store.write(type.storageKey, namespace: namespace, name: name) { current throws(APIStatus) in
            guard var next = current else { return .keep(.null, created: false) }
            let finalizers = (next.value(at: ["metadata", "finalizers"])?.arrayValue ?? []).filter { $0.stringValue != finalizer }
            if finalizers.isEmpty { return .remove }
            next.setValue(.array(finalizers), at: ["metadata", "finalizers"])
            return .put(next)
        }
    }
}
