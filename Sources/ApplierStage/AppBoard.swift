import Applier
import CapstanCore
import Foundation
import Synchronization

/// The shared picture of every app this shard owns: statuses for STATUS and events, the work each
/// worker is asked to do, and what drift is measured against. Quick and lock-protected, because the
/// publisher's socket thread and the watches call it.
public final class AppBoard: Sendable {
    let states: Mutex<[String: AppState]>
    private let doorbells: [String: Doorbell]
    private let listener = Mutex<(@Sendable (AppStatus) -> Void)?>(nil)
    /// The newest bundle of apps other shards own, for dependencies across shards.
    let foreignOffers = Mutex<[String: Digest]>([:])

    public init(apps: [AppConfig]) {
        states = Mutex(Dictionary(uniqueKeysWithValues: apps.map { ($0.name, AppState(config: $0)) }))
        doorbells = Dictionary(uniqueKeysWithValues: apps.map { ($0.name, Doorbell()) })
    }

    /// Calls `publish` with an app's status whenever it changes (and once now for every app).
    public func onChange(_ publish: @escaping @Sendable (AppStatus) -> Void) {
        listener.withLock { $0 = publish }
        for status in statuses() { publish(status) }
    }

    public var names: [String] { doorbells.keys.sorted() }

    /// Every app's status, sorted by name.
    public func statuses() -> [AppStatus] {
        states.withLock { $0.values.map(\.status) }.sorted { $0.app < $1.app }
    }

    public func status(of app: String) -> AppStatus? { states.withLock { $0[app]?.status } }

    /// The newest bundle announced for `app`.
    func latestOffer(of app: String) -> BundleOffer? { states.withLock { $0[app]?.offer } }

    func config(of app: String) -> AppConfig? { states.withLock { $0[app]?.config } }

    func doorbell(_ app: String) -> Doorbell? { doorbells[app] }

    /// Takes the app's pending work, leaving none behind.
    func take(_ app: String) -> AppWork {
        states.withLock { states in
            guard var state = states[app] else { return AppWork() }
            var work = state.work
            state.work = AppWork()
            work.offer = state.offer
            work.attempted = state.attempted
            work.suspended = state.status.suspended
            states[app] = state
            return work
        }
    }

    /// Changes an app's state under the lock; rings the app when `ring` is true.
    @discardableResult
    func mutate<T>(_ app: String, ring: Bool = false, _ change: (inout AppState) -> T) -> T? {
        let result: T? = states.withLock { states in
            guard var state = states[app] else { return nil }
            defer { states[app] = state }
            return change(&state)
        }
        if ring, result != nil { doorbells[app]?.ring() }
        return result
    }

    /// Changes an app's status; publishes it and wakes the apps depending on it when it changed.
    func update(_ app: String, _ change: (inout AppStatus) -> Void) {
        revise(app, ring: false) { change(&$0.status) }
    }

    /// Changes an app's state (status and work together, so its worker never sees one without the
    /// other); publishes the status and wakes dependents when it changed, and the app when `ring`.
    func revise(_ app: String, ring: Bool, _ change: (inout AppState) -> Void) {
        let changed: AppStatus? = mutate(app, ring: ring) { state in
            let before = state.status
            change(&state)
            guard state.status != before else { return nil }
            state.status.updatedAt = Date()
            // Published under the lock, so two changes of one app never go out in the wrong order.
            listener.withLock { $0 }?(state.status)
            return state.status
        } ?? nil
        guard changed != nil else { return }
        for dependent in dependents(of: app) { doorbells[dependent]?.ring() }
    }

    func dependents(of app: String) -> [String] {
        states.withLock { $0.values.filter { $0.config.dependsOn.contains(app) }.map(\.config.name) }
    }
}
