import CapstanCore

/// The objects an app last applied in full, stored in the cluster so any applier prunes correctly.
public struct Inventory: Sendable, Hashable {
    public var app: String
    public var objects: Set<ObjectReference>

    public init(app: String, objects: Set<ObjectReference>) {
        self.app = app
        self.objects = objects
    }

    /// The identities (version-free) of the inventory's objects.
    public var identities: Set<ObjectIdentity> { Set(objects.map(\.identity)) }

    /// `capstan-inventory-<app>`.
    public static func configMapName(app: String) -> String { "capstan-inventory-\(app)" }

    public static let defaultNamespace = "capstan-system"
}
