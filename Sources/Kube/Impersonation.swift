/// Who requests act as, so that RBAC limits what one app can touch.
public struct Impersonation: Sendable, Hashable, CustomStringConvertible {
    public var user: String
    public var groups: [String]

    public init(user: String, groups: [String] = []) {
        self.user = user
        self.groups = groups
    }

    /// A service account, as an app's `serviceAccount: <namespace>/<name>` names it.
    public static func serviceAccount(namespace: String, name: String) -> Impersonation {
        Impersonation(user: "system:serviceaccount:\(namespace):\(name)")
    }

    /// Parses `<namespace>/<name>`; nil when it is not of that form.
    public init?(serviceAccount reference: String) {
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self = .serviceAccount(namespace: String(parts[0]), name: String(parts[1]))
    }

    var headers: [(String, String)] {
        [("Impersonate-User", user)] + groups.map { ("Impersonate-Group", $0) }
    }

    public var description: String { user }
}
