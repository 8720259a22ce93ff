import CapstanCore
import NIOConcurrencyHelpers

/// All objects of the emulated cluster behind one lock, with one global resourceVersion counter,
/// an event log for watch resumption, and the open watches.
public final class ObjectStore: @unchecked Sendable {
    // Every stored property below is only touched while `lock` is held.
    private let lock = NIOLock()
    private var objects: [String: [String: JSONValue]] = [:]
    /// Compact JSON of stored objects, filled by lists and dropped on every write of the object.
    private var serialized: [String: [String: [UInt8]]] = [:]
    private var revision: Int64 = 1
    private var log: EventLog
    private var watchers: [Int: Watcher] = [:]
    private var nextWatcherID = 0
    private var changeCount = 0
    /// Watches whose stream ended, removed at the next write or watch. Their termination handler
    /// runs inside the runtime's cancellation of the consuming task, holding that task's status
    /// lock; taking `lock` there deadlocked against a write that holds `lock` and yields to that
    /// very task (which needs its status lock to resume it). This lock is never held across a call
    /// into the concurrency runtime, so it is safe from both sides.
    private let retired = NIOLockedValueBox<[Int]>([])

    struct Watcher {
        var storageKey: String?
        var namespace: String?
        /// Decides, under the store's lock, whether the watcher wants an event at all (saves waking it).
        var wants: (@Sendable (WatchEvent) -> Bool)?
        var continuation: AsyncStream<WatchEvent>.Continuation
    }

    public init(eventLogCapacity: Int = 50_000) {
        log = EventLog(capacity: eventLogCapacity, start: 1)
    }

    /// The current global resourceVersion.
    public var resourceVersion: Int64 { lock.withLock { revision } }

    /// Grows with every persisted change; persistence compares it to know when to write.
    public var changes: Int { lock.withLock { changeCount } }

    public func get(_ storageKey: String, namespace: String, name: String) -> JSONValue? {
        lock.withLock { objects[storageKey]?[Self.key(namespace, name)] }
    }

    /// The objects of a resource, in one namespace or all, sorted by namespace and name, and the list's resourceVersion.
    public func list(_ storageKey: String, namespace: String?) -> (items: [(key: String, object: JSONValue)], resourceVersion: Int64) {
        lock.withLock {
            let all = objects[storageKey] ?? [:]
            var items: [(key: String, object: JSONValue)] = []
            items.reserveCapacity(all.count)
            if let namespace {
                let prefix = namespace + "/"
                for (key, object) in all where key.hasPrefix(prefix) { items.append((key, object)) }
            } else {
                for (key, object) in all { items.append((key, object)) }
            }
            items.sort { $0.key < $1.key }
            return (items, revision)
        }
    }

    /// Like `list`, with each object's compact JSON (cached between writes): lists of thousands stay cheap.
    public func listSerialized(_ storageKey: String, namespace: String?)
        -> (items: [(key: String, object: JSONValue, json: [UInt8])], resourceVersion: Int64)
    {
        lock.withLock {
            let all = objects[storageKey] ?? [:]
            var cache = serialized[storageKey] ?? [:]
            serialized[storageKey] = nil
            var items: [(key: String, object: JSONValue, json: [UInt8])] = []
            items.reserveCapacity(all.count)
            let prefix = namespace.map { $0 + "/" }
            for (key, object) in all where prefix.map({ key.hasPrefix($0) }) ?? true {
                let json: [UInt8]
                if let hit = cache[key] {
                    json = hit
                } else {
                    json = JSONBytes.serialize(object)
                    cache[key] = json
                }
                items.append((key, object, json))
            }
            serialized[storageKey] = cache
            items.sort { $0.key < $1.key }
            return (items, revision)
        }
    }

    /// Reads the current object, lets `decide` compute the next state, and applies it atomically.
    public func write(
        _ storageKey: String, namespace: String, name: String,
        _ decide: (JSONValue?) throws(APIStatus) -> WriteDecision
    ) throws(APIStatus) -> WriteOutcome {
        lock.lock()
        defer { lock.unlock() }
        let key = Self.key(namespace, name)
        let current = objects[storageKey]?[key]
        switch try decide(current) {
        case .keep(let object, let created):
            return WriteOutcome(object: object, created: created, deleted: false)
        case .put(var object):
            revision += 1
            object.setValue(.string(String(revision)), at: ["metadata", "resourceVersion"])
            objects[storageKey, default: [:]][key] = object
            serialized[storageKey]?[key] = nil
            record(WatchEvent(kind: current == nil ? .added : .modified, storageKey: storageKey, namespace: namespace,
                              object: object, resourceVersion: revision, previous: current))
            return WriteOutcome(object: object, created: current == nil, deleted: false)
        case .remove:
            guard var object = current else { return WriteOutcome(object: .null, created: false, deleted: false) }
            revision += 1
            object.setValue(.string(String(revision)), at: ["metadata", "resourceVersion"])
            objects[storageKey]?[key] = nil
            serialized[storageKey]?[key] = nil
            record(WatchEvent(kind: .deleted, storageKey: storageKey, namespace: namespace, object: object,
                              resourceVersion: revision))
            return WriteOutcome(object: object, created: false, deleted: true)
        }
    }

    /// Removes every object of a resource (a deleted CustomResourceDefinition), sending DELETED events.
    public func removeAll(_ storageKey: String) {
        let keys = lock.withLock { objects[storageKey].map { Array($0.keys) } ?? [] }
        for key in keys {
            let parts = key.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            _ = try? write(storageKey, namespace: String(parts[0]), name: String(parts[1])) { _ in .remove }
        }
    }

    private func record(_ event: WatchEvent) {
        changeCount += 1
        log.append(event)
        dropRetiredWatchers()
        for watcher in watchers.values {
            if let wanted = watcher.storageKey, wanted != event.storageKey { continue }
            if let wanted = watcher.namespace, wanted != event.namespace { continue }
            if let wants = watcher.wants, !wants(event) { continue }
            watcher.continuation.yield(event)
        }
    }

    static func key(_ namespace: String, _ name: String) -> String { namespace + "/" + name }

    /// Forgets watches whose stream ended; call with `lock` held.
    private func dropRetiredWatchers() {
        for id in retired.withLockedValue({ ids in defer { ids = [] }; return ids }) { watchers[id] = nil }
    }
}

extension ObjectStore {
    /// Opens a watch on one resource (or all, for controllers), optionally in one namespace.
    ///
    /// With `since == nil` the stream starts with an ADDED event per current object; otherwise it replays the
    /// logged events after `since`, or throws 410 Expired when the log no longer reaches back that far.
    public func watch(_ storageKey: String?, namespace: String?, since: Int64?, wants: (@Sendable (WatchEvent) -> Bool)? = nil)
        throws(APIStatus) -> (events: AsyncStream<WatchEvent>, cancel: @Sendable () -> Void)
    {
        let (stream, continuation) = AsyncStream<WatchEvent>.makeStream(bufferingPolicy: .unbounded)
        lock.lock()
        defer { lock.unlock() }
        if let since {
            guard since >= log.start else { throw APIStatus.gone(since, oldest: log.start) }
            for event in log.events(after: since) where Self.matches(event, storageKey, namespace) {
                continuation.yield(event)
            }
        } else if let storageKey {
            for (key, object) in objects[storageKey] ?? [:] {
                let objectNamespace = String(key.prefix { $0 != "/" })
                if let namespace, namespace != objectNamespace { continue }
                let rv = Int64(object.value(at: ["metadata", "resourceVersion"])?.stringValue ?? "") ?? revision
                continuation.yield(WatchEvent(kind: .added, storageKey: storageKey, namespace: objectNamespace,
                                              object: object, resourceVersion: rv))
            }
        }
        let id = nextWatcherID
        nextWatcherID += 1
        watchers[id] = Watcher(storageKey: storageKey, namespace: namespace, wants: wants, continuation: continuation)
        let cancel: @Sendable () -> Void = { [weak self] in
            guard let self else { return }
            let removed = self.lock.withLock { self.watchers.removeValue(forKey: id) }
            removed?.continuation.finish()
        }
        // Never `cancel()` here: see `retired`.
        continuation.onTermination = { [weak self] _ in self?.retired.withLockedValue { $0.append(id) } }
        dropRetiredWatchers()
        return (stream, cancel)
    }

    private static func matches(_ event: WatchEvent, _ storageKey: String?, _ namespace: String?) -> Bool {
        if let storageKey, storageKey != event.storageKey { return false }
        if let namespace, namespace != event.namespace { return false }
        return true
    }
}

extension ObjectStore {
    /// Every object with its storage key, and the resourceVersion: what `--state` persists.
    public func snapshot() -> (objects: [String: [String: JSONValue]], resourceVersion: Int64) {
        lock.withLock { (objects, revision) }
    }

    /// Replaces the whole content, as loaded from `--state`; watches resume only from here on.
    public func restore(objects: [String: [String: JSONValue]], resourceVersion: Int64) {
        lock.withLock {
            self.objects = objects
            revision = resourceVersion
            log = EventLog(capacity: log.capacity, start: resourceVersion)
        }
    }
}
