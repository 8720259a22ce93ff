/// Why a server-side apply was refused: conflicts with other managers (HTTP 409, unless forced) or
/// an applied configuration that cannot be merged (HTTP 422/400).
public enum ServerSideApplyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fields whose value the applier changes and another manager owns.
    case conflicts([FieldConflict])
    /// The configuration does not fit the schema at `path`.
    case invalid(path: String, reason: String)

    /// The message the API server puts in its `Status`, e.g.
    /// `Apply failed with 1 conflict: conflict with "other": .spec.replicas`.
    public var description: String {
        switch self {
        case .conflicts(let conflicts): return FieldConflict.message(for: conflicts)
        case .invalid(let path, let reason): return "\(path): \(reason)"
        }
    }
}
