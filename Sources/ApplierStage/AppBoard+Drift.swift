import Applier
import CapstanCore

extension AppBoard {
    /// A watch saw `live` change (or vanish when `deleted`): marks drift for the app whose label it carries.
    func observe(_ live: JSONValue, deleted: Bool) {
        guard let app = live.value(at: ["metadata", "labels", AnnotationKeys.app])?.stringValue,
            let identity = ObjectIdentity(of: live)
        else { return }
        let drifted = mutate(app) { state -> Bool in
            guard state.isDrift(identity, live: deleted ? nil : live) else { return false }
            state.work.drifted.insert(identity)
            return true
        }
        if drifted == true { doorbell(app)?.ring() }
    }

    /// A watch (re)listed every managed object of one kind: whatever drifted or is missing is drift.
    func observeList(group: String, kind: String, items: [JSONValue]) {
        let live = Dictionary(items.compactMap { item in ObjectIdentity(of: item).map { ($0, item) } }) { first, _ in first }
        for app in names {
            let found = mutate(app) { state -> Bool in
                let drifted = state.desired.keys.filter { $0.group == group && $0.kind == kind && state.isDrift($0, live: live[$0]) }
                state.work.drifted.formUnion(drifted)
                return !drifted.isEmpty
            }
            if found == true { doorbell(app)?.ring() }
        }
    }

    /// The decorated objects last applied for `identities` (all of them when nil), in a stable order.
    func desiredObjects(_ app: String, _ identities: Set<ObjectIdentity>? = nil) -> [JSONValue] {
        mutate(app) { state in
            state.desired.filter { identities?.contains($0.key) ?? true }.sorted { $0.key < $1.key }.map(\.value)
        } ?? []
    }

    /// Remembers what a reconcile applied, for drift detection.
    func recordDesired(_ app: String, _ objects: [JSONValue]) {
        let byIdentity = Dictionary(objects.compactMap { object in ObjectIdentity(of: object).map { ($0, object) } }) { first, _ in first }
        mutate(app) { $0.desired = byIdentity }
    }

    /// Puts objects back on the app's drift list, e.g. when healing them found the API unreachable.
    func requeueDrift(_ app: String, _ identities: Set<ObjectIdentity>) {
        mutate(app) { $0.work.drifted.formUnion(identities) }
    }
}
