/// Why an app could not be rendered, written for an operator: where (file and line, or object),
/// what went wrong, what to do, and whether the loop should wait for a fix or retry.
public struct RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad class of failure, so loops and tests branch without reading text.
    public enum Kind: Sendable, Equatable {
        /// A path left the artifact root, was missing, or could not be read.
        case sandbox
        /// A file is not valid YAML/JSON or a document is not a Kubernetes object.
        case invalidManifest
        /// Post-build substitution failed (missing variable, bad expression, bad name).
        case substitution
        /// A size or count limit was exceeded.
        case limit
        /// The app's layout needs an engine this build does not have.
        case unsupported
        /// The overlay or chart engine refused the input.
        case engine
        /// The disk under the bundle store failed.
        case storage
    }

    /// What the loop should do with the error.
    public enum Disposition: Sendable, Equatable {
        /// The repository must change; rendering the same revision again fails the same way.
        case waitForFix
        /// A transient condition (disk); rendering again may succeed.
        case retry
    }

    public var kind: Kind
    /// `file:line`, `file`, or an object identity such as `Deployment/shop/web`.
    public var location: String
    public var reason: String
    public var hint: String?

    public init(_ kind: Kind, at location: String, _ reason: String, hint: String? = nil) {
        self.kind = kind
        self.location = location
        self.reason = reason
        self.hint = hint
    }

    public var disposition: Disposition { kind == .storage ? .retry : .waitForFix }

    public var description: String {
        // Sandbox reasons already quote the path; naming it twice only adds noise.
        let named = location.isEmpty || reason.contains("'\(location)'")
        let head = named ? reason : "\(location): \(reason)"
        return hint.map { "\(head); \($0)" } ?? head
    }
}
