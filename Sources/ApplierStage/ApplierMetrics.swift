import Applier
import Metrics

/// The applier's Prometheus series: reconciles, per-object actions, drift and reconcile durations.
enum ApplierMetrics {
    static func reconciled(app: String, result: String, duration: Duration, outcomes: [ObjectOutcome]) {
        Counter(label: "capstan_applier_reconciles_total", dimensions: [("app", app), ("result", result)]).increment()
        Timer(label: "capstan_applier_reconcile_duration_seconds", dimensions: [("app", app)])
            .recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
        applied(app: app, outcomes: outcomes)
    }

    static func applied(app: String, outcomes: [ObjectOutcome]) {
        for (action, count) in Dictionary(grouping: outcomes, by: \.action).mapValues(\.count) {
            Counter(label: "capstan_applier_objects_total", dimensions: [("app", app), ("action", action.rawValue)]).increment(by: count)
        }
    }

    static func driftCorrected(app: String, count: Int) {
        Counter(label: "capstan_applier_drift_corrections_total", dimensions: [("app", app)]).increment(by: count)
    }

    static func driftDetected(app: String, count: Int) {
        Counter(label: "capstan_applier_drift_detected_total", dimensions: [("app", app)]).increment(by: count)
    }
}
