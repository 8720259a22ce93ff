import NIOConcurrencyHelpers

/// Named conditions a stage must meet before `/readyz` says yes ("config loaded", "snapshot received").
///
/// Services flip their own conditions; the stage is ready when every registered one is met.
public final class Readiness: Sendable {
    private let conditions = NIOLockedValueBox<[String: String?]>([:])

    public init() {}

    /// Adds a condition that is not met yet, with the reason `/readyz` prints until it is.
    public func register(_ name: String, reason: String = "starting") {
        conditions.withLockedValue { $0[name] = .some(reason) }
    }

    public func markReady(_ name: String) {
        conditions.withLockedValue { $0[name] = .some(nil) }
    }

    public func markNotReady(_ name: String, reason: String) {
        conditions.withLockedValue { $0[name] = .some(reason) }
    }

    /// The unmet conditions, sorted by name; empty means ready.
    public func report() -> ReadinessReport {
        let unmet = conditions.withLockedValue { conditions in
            conditions.compactMap { name, reason in reason.map { ReadinessReport.Unmet(name: name, reason: $0) } }
        }
        return ReadinessReport(unmet: unmet.sorted { $0.name < $1.name })
    }
}
