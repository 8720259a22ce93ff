import Foundation

/// One app as the applier reports it on STATUS and in `status.<app>` events.
public struct AppStatus: Sendable, Equatable {
    /// The closed set of an app's states.
    public enum Phase: String, Sendable {
        case pending = "Pending", progressing = "Progressing", ready = "Ready", failed = "Failed", suspended = "Suspended"
    }

    /// Per-object actions of the last reconcile.
    public struct Actions: Sendable, Equatable {
        public var created = 0, configured = 0, unchanged = 0, pruned = 0

        public init() {}
    }

    /// An object the server refused in the last reconcile, with the server's message.
    public struct Rejection: Sendable, Equatable {
        public var object: String
        public var message: String

        public init(object: String, message: String) {
            self.object = object
            self.message = message
        }
    }

    public var app: String
    public var phase = Phase.pending
    /// The source revision and bundle digest last applied (or being applied while Progressing).
    public var revision: String?
    public var bundle: String?
    public var objects: Int?
    public var actions = Actions()
    /// Out-of-band changes reverted since the applier started.
    public var driftCorrections = 0
    /// Objects found drifted while the app is suspended (reported, not reverted).
    public var drifted: [String] = []
    public var rejected: [Rejection] = []
    public var error: String?
    public var updatedAt: Date?
    public var suspended = false
    /// Duration of the last reconcile.
    public var durationMs: Int?

    public init(app: String) {
        self.app = app
    }
}
