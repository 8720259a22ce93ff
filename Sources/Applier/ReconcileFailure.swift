/// Why a reconcile did not finish Ready; the case says whether to retry, wait for a fix or wait longer.
public enum ReconcileFailure: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidBundle([BundleProblem])
    case ownership([OwnershipConflict])
    case unreachable(String)
    case rejected([ObjectOutcome])
    case unhealthy([ObjectReadiness])
    case healthTimeout([ObjectReadiness])
    /// A newer bundle arrived; this reconcile stopped at a safe point without pruning.
    case superseded

    public var description: String {
        switch self {
        case .invalidBundle(let problems): "bundle is invalid, nothing applied: " + problems.map(\.description).joined(separator: "; ")
        case .ownership(let conflicts): "ownership conflict, nothing applied: " + conflicts.map(\.description).joined(separator: "; ")
        case .unreachable(let message): "API unreachable, nothing pruned: \(message)"
        case .rejected(let outcomes): "\(outcomes.count) object(s) rejected, nothing pruned: " + outcomes.map(\.description).joined(separator: "; ")
        case .unhealthy(let objects): "objects failed: " + objects.map(\.description).joined(separator: "; ")
        case .healthTimeout(let objects): "timed out waiting for health: " + objects.map(\.description).joined(separator: "; ")
        case .superseded: "superseded by a newer bundle before it finished, nothing pruned"
        }
    }
}
