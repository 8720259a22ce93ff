import CapstanCore

/// Everything one reconcile did and why it stopped, as data for the CLI, the status and the logs.
public struct ReconcileResult: Sendable {
    public var app: String
    public var outcomes: [ObjectOutcome]
    /// Objects still not ready when the wait ended (each with why), in apply order.
    public var notReady: [ObjectReadiness]
    public var failure: ReconcileFailure?
    /// The inventory stored by this reconcile; nil when none was stored.
    public var inventory: Inventory?
    /// The bundle's objects as Capstan applies them (decorated); empty when the bundle never got that far.
    public var desired: [JSONValue] = []

    public var succeeded: Bool { failure == nil }
}

/// One object's health at the end of a wait.
public struct ObjectReadiness: Sendable, Hashable, CustomStringConvertible {
    public var object: ObjectReference
    public var health: Health
    public var description: String { "\(object.kubectlName): \(health)" }
}
