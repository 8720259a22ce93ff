/// What one reconcile did to one object, as data: the per-object lines of `apply` and the status.
public struct ObjectOutcome: Sendable, Hashable, CustomStringConvertible {
    /// The closed set of per-object actions.
    public enum Action: String, Sendable, Hashable {
        case created, configured, unchanged, pruned, failed
    }

    public var object: ObjectReference
    public var action: Action
    /// The server's message for a failure; empty otherwise.
    public var message: String

    public init(object: ObjectReference, action: Action, message: String = "") {
        self.object = object
        self.action = action
        self.message = message
    }

    /// `deployment.apps/web configured`, or `… failed: <server message>`.
    public var description: String {
        message.isEmpty ? "\(object.kubectlName) \(action.rawValue)" : "\(object.kubectlName) \(action.rawValue): \(message)"
    }
}
