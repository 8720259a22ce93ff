import CapstanCore

/// An object two apps want: refused, naming both apps.
public struct OwnershipConflict: Sendable, Hashable, CustomStringConvertible {
    public var object: ObjectIdentity
    public var app: String
    public var owner: String

    public var description: String {
        "\(object) is managed by app \(owner); app \(app) may not apply it (remove it from one of the two apps)"
    }
}

/// Refuses objects another app already claims, by its inventory or by the live object's app label.
public enum OwnershipCheck {
    public static func conflicts(
        app: String, desired: [ObjectIdentity], otherInventories: [Inventory]
    ) -> [OwnershipConflict] {
        // Each inventory's identities are built once: per desired object they cost O(objects) each time.
        let claims = otherInventories.filter { $0.app != app }.map { ($0.app, $0.identities) }
        return desired.compactMap { identity in
            claims.first { $0.1.contains(identity) }.map { OwnershipConflict(object: identity, app: app, owner: $0.0) }
        }
    }

    /// The conflict a live object shows through its `capstan.dev/app` label, if any.
    public static func conflict(app: String, live: JSONValue) -> OwnershipConflict? {
        guard let identity = ObjectIdentity(of: live),
            let owner = live.value(at: ["metadata", "labels", AnnotationKeys.app])?.stringValue, owner != app
        else { return nil }
        return OwnershipConflict(object: identity, app: app, owner: owner)
    }
}
