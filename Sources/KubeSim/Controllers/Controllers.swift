import CapstanCore
import NIOConcurrencyHelpers
import ServiceLifecycle

/// The simulated control plane (as kwok does it): workloads roll out, Jobs complete, PVCs bind,
/// namespaces empty on deletion, and dependents are garbage-collected through ownerReferences.
public struct Controllers: Service {
    let api: KubeAPI
    /// Objects with a settle already scheduled: a burst of writes to one object waits once, not once per write.
    let pending = NIOLockedValueBox<Set<String>>([])

    public init(api: KubeAPI) { self.api = api }

    public func run() async throws {
        api.registerStoredDefinitions()
        guard let opened = try? api.store.watch(nil, namespace: nil, since: api.store.resourceVersion, wants: wants)
        else { return }
        try await catchUp()
        await withDiscardingTaskGroup { group in
            group.addTask {
                try? await gracefulShutdown()
                opened.cancel()
            }
            for await event in opened.events.cancelOnGracefulShutdown() {
                react(to: event, group: &group)
            }
            group.cancelAll()
        }
    }

    /// Objects restored from `--state` may still need a controller's attention.
    private func catchUp() async throws {
        for type in api.catalog.all {
            for (_, object) in api.store.list(type.storageKey, namespace: nil).items {
                let event = WatchEvent(kind: .added, storageKey: type.storageKey,
                                       namespace: object.value(at: ["metadata", "namespace"])?.stringValue ?? "",
                                       object: object, resourceVersion: 0)
                if needsRollout(event) || needsBinding(event) { await settle(event) }
            }
        }
    }

    private func react(to event: WatchEvent, group: inout DiscardingTaskGroup) {
        if event.kind == .deleted {
            group.addTask {
                collectDependents(of: event)
                recheckForegroundOwners(event)
            }
            if !event.namespace.isEmpty { group.addTask { finishNamespaceIfEmpty(event.namespace) } }
            return
        }
        if event.object.value(at: ["metadata", "deletionTimestamp"]) != nil {
            group.addTask { finalize(event) }
            return
        }
        let key = Self.key(event)
        if needsRollout(event) || needsBinding(event), pending.withLockedValue({ $0.insert(key).inserted }) {
            group.addTask {
                try? await Task.sleep(for: api.options.rolloutDelay)
                pending.withLockedValue { _ = $0.remove(key) }
                await settle(event)
            }
        }
    }

    /// Whether an event can matter to a controller: deletions always; other changes only when they need a
    /// rollout or binding that is not already scheduled. The store asks before waking this service.
    private func wants(_ event: WatchEvent) -> Bool {
        if event.kind == .deleted || event.object.value(at: ["metadata", "deletionTimestamp"]) != nil { return true }
        guard needsRollout(event) || needsBinding(event) else { return false }
        return !pending.withLockedValue { $0.contains(Self.key(event)) }
    }

    private static func key(_ event: WatchEvent) -> String {
        event.storageKey + "/" + event.namespace + "/" + (event.object.value(at: ["metadata", "name"])?.stringValue ?? "")
    }

    private func settle(_ event: WatchEvent) async {
        guard let type = api.catalog.type(storageKey: event.storageKey),
            let name = event.object.value(at: ["metadata", "name"])?.stringValue
        else { return }
        updateStatus(type, namespace: event.namespace, name: name) { object in
            WorkloadStatus.settle(&object, type: type, failImagePattern: api.options.failImagePattern)
        }
    }

    private func needsRollout(_ event: WatchEvent) -> Bool {
        guard WorkloadStatus.kinds.contains(event.storageKey) else { return false }
        let generation = event.object.value(at: ["metadata", "generation"])?.intValue ?? 1
        return event.object.value(at: ["status", "observedGeneration"])?.intValue != generation
            || WorkloadStatus.replicasDiffer(event.object, storageKey: event.storageKey)
    }

    private func needsBinding(_ event: WatchEvent) -> Bool {
        (event.storageKey == "/persistentvolumeclaims" && event.object.value(at: ["status", "phase"]) != "Bound")
            || (event.storageKey == "batch/jobs" && event.object.value(at: ["status", "startTime"]) == nil)
    }

    /// Writes through the status subresource as `kube-controller-manager`.
    func updateStatus(_ type: ResourceType, namespace: String, name: String, _ change: (inout JSONValue) -> Void) {
        let context = FieldManagerContext(manager: "kube-controller-manager", apiVersion: type.groupVersion,
                                          subresource: "status", time: Clock.now())
        _ = try? api.store.write(type.storageKey, namespace: namespace, name: name) { current throws(APIStatus) in
            guard var next = current, current?.value(at: ["metadata", "deletionTimestamp"]) == nil else {
                return .keep(current ?? .null, created: false)
            }
            change(&next)
            if ObjectRules.sameContent(next, current!) { return .keep(current!, created: false) }
            return .put(api.engine.recordUpdate(from: current, to: next, type: type, context: context))
        }
    }
}
