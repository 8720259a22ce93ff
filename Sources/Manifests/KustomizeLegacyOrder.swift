import CapstanCore

/// kustomize's default ("legacy") output order (v5.5.0 `SortOrderTransformer`): kinds from a
/// fixed first list, then all other kinds, then the webhook configurations; ties by
/// group/version/kind, then namespace, then name.
public struct KustomizeLegacyOrder: Sendable {
    /// Kinds placed first, in this order.
    public static let defaultOrderFirst = [
        "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount",
        "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret",
        "Endpoints", "Service", "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim",
        "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget",
    ]
    /// Kinds placed last, in this order.
    public static let defaultOrderLast = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]

    let rank: [String: Int]

    /// An order from `sortOptions.legacySortOptions` lists (kustomize's defaults when omitted).
    public init(orderFirst: [String] = defaultOrderFirst, orderLast: [String] = defaultOrderLast) {
        var rank: [String: Int] = [:]
        for (position, kind) in orderFirst.enumerated() { rank[kind] = position - orderFirst.count }
        for (position, kind) in orderLast.enumerated() { rank[kind] = position + 1 }
        self.rank = rank
    }

    /// The objects in kustomize's legacy order.
    public func sorted(_ objects: [JSONValue]) -> [JSONValue] {
        let keys = objects.map(SortKey.init)
        let order = keys.indices.sorted { less(keys[$0], keys[$1]) }
        return order.map { objects[$0] }
    }

    func less(_ a: SortKey, _ b: SortKey) -> Bool {
        if a.group != b.group || a.version != b.version || a.kind != b.kind {
            let rankA = rank[a.kind] ?? 0
            let rankB = rank[b.kind] ?? 0
            if rankA != rankB { return rankA < rankB }
            // kustomize puts the core Namespace before same-named kinds of other groups.
            if a.kind == "Namespace" && b.kind == "Namespace" && (a.group.isEmpty || b.group.isEmpty) {
                return JSONValue.utf8Less(b.gvkText, a.gvkText)
            }
            return JSONValue.utf8Less(a.gvkText, b.gvkText)
        }
        return JSONValue.utf8Less(a.idText, b.idText)
    }

    /// What the order looks at: group, version, kind, namespace and name of one object.
    struct SortKey {
        let group, version, kind, gvkText, idText: String

        init(_ object: JSONValue) {
            let apiVersion = object["apiVersion"]?.stringValue ?? ""
            if let slash = apiVersion.firstIndex(of: "/") {
                group = String(apiVersion[..<slash])
                version = String(apiVersion[apiVersion.index(after: slash)...])
            } else {
                group = ""
                version = apiVersion
            }
            kind = object["kind"]?.stringValue ?? ""
            gvkText = [group.isEmpty ? "~G" : group, version.isEmpty ? "~V" : version, kind.isEmpty ? "~K" : kind]
                .joined(separator: "_")
            let namespace = object.value(at: ["metadata", "namespace"])?.stringValue ?? ""
            let name = object.value(at: ["metadata", "name"])?.stringValue ?? ""
            idText = (namespace.isEmpty ? "~X" : namespace) + "|" + (name.isEmpty ? "~N" : name)
        }
    }
}
