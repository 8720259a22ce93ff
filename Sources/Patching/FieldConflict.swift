/// One field another manager owns and the applier would change: a `FieldManagerConflict` cause.
public struct FieldConflict: Sendable, Equatable {
    /// The owning manager as the API server prints it: `"other"`, or
    /// `"kubectl-client-side-apply" using apps/v1` for an Update manager.
    public let manager: String
    /// The field path, e.g. `.spec.replicas`.
    public let path: String

    public init(manager: String, path: String) {
        self.manager = manager
        self.path = path
    }

    /// The `message` of a cause: `conflict with "other"`.
    public var causeMessage: String { "conflict with \(manager)" }

    /// The Status message for a list of conflicts, worded as kube-apiserver words it.
    public static func message(for conflicts: [FieldConflict]) -> String {
        if conflicts.count == 1 {
            return "Apply failed with 1 conflict: conflict with \(conflicts[0].manager): \(conflicts[0].path)"
        }
        var lines: [String] = []
        var byManager: [String: [String]] = [:]
        for conflict in conflicts { byManager[conflict.manager, default: []].append(conflict.path) }
        for manager in byManager.keys.sorted() {
            lines.append("conflicts with \(manager):")
            lines += byManager[manager]!.map { "- \($0)" }
        }
        return "Apply failed with \(conflicts.count) conflicts: " + lines.joined(separator: "\n")
    }
}
