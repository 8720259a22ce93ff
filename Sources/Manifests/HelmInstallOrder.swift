import CapstanCore

/// Helm's install order (v3.21 `releaseutil.InstallOrder`): a stable sort by kind, unknown kinds
/// last and alphabetical among themselves, manifests of one kind in their original order.
public enum HelmInstallOrder {
    /// The kinds in the order Helm installs them.
    public static let kinds = [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
        "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
        "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
        "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
        "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
        "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
    ]

    static let rank: [String: Int] = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })

    /// The objects in Helm's install order.
    public static func sorted(_ objects: [JSONValue]) -> [JSONValue] {
        let kindsOf = objects.map { $0["kind"]?.stringValue ?? "" }
        let order = objects.indices.sorted { a, b in
            let kindA = kindsOf[a]
            let kindB = kindsOf[b]
            switch (rank[kindA], rank[kindB]) {
            case let (rankA?, rankB?): return rankA != rankB ? rankA < rankB : a < b
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return kindA != kindB ? JSONValue.utf8Less(kindA, kindB) : a < b
            }
        }
        return order.map { objects[$0] }
    }
}
