import Applier

extension AppStatus {
    /// The status after a finished reconcile: phase, actions, rejected objects, error.
    mutating func apply(_ result: ReconcileResult, objects: Int, milliseconds: Int) {
        // A SUSPEND that arrived while this reconcile ran keeps the app Suspended.
        phase = suspended ? .suspended : result.succeeded ? .ready : .failed
        self.objects = objects
        var counts = Actions()
        for outcome in result.outcomes {
            switch outcome.action {
            case .created: counts.created += 1
            case .configured: counts.configured += 1
            case .unchanged: counts.unchanged += 1
            case .pruned: counts.pruned += 1
            case .failed: break
            }
        }
        actions = counts
        rejected = result.outcomes.filter { $0.action == .failed }.map { Rejection(object: $0.object.description, message: $0.message) }
        error = result.failure?.description
        durationMs = milliseconds
    }
}
