/// The REST mapping of Kubernetes' stable built-in kinds (core/v1, apps/v1, batch/v1, …), which every
/// conformant API server serves the same way: a short-lived client (the one-shot apply) can start
/// its requests before discovery has answered. Every other kind goes through discovery.
public enum BuiltInKinds {
    static let verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

    /// (apiVersion, kind, resource, namespaced)
    static let table: [(String, String, String, Bool)] = [
        ("v1", "Namespace", "namespaces", false), ("v1", "ConfigMap", "configmaps", true), ("v1", "Secret", "secrets", true),
        ("v1", "Service", "services", true), ("v1", "ServiceAccount", "serviceaccounts", true), ("v1", "Pod", "pods", true),
        ("v1", "PersistentVolumeClaim", "persistentvolumeclaims", true), ("v1", "PersistentVolume", "persistentvolumes", false),
        ("apps/v1", "Deployment", "deployments", true), ("apps/v1", "StatefulSet", "statefulsets", true),
        ("apps/v1", "DaemonSet", "daemonsets", true), ("apps/v1", "ReplicaSet", "replicasets", true),
        ("batch/v1", "Job", "jobs", true), ("batch/v1", "CronJob", "cronjobs", true),
        ("rbac.authorization.k8s.io/v1", "Role", "roles", true), ("rbac.authorization.k8s.io/v1", "RoleBinding", "rolebindings", true),
        ("rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles", false),
        ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "clusterrolebindings", false),
        ("networking.k8s.io/v1", "Ingress", "ingresses", true), ("networking.k8s.io/v1", "NetworkPolicy", "networkpolicies", true),
        ("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", true),
        ("autoscaling/v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true),
        ("coordination.k8s.io/v1", "Lease", "leases", true),
        ("apiextensions.k8s.io/v1", "CustomResourceDefinition", "customresourcedefinitions", false),
    ]

    static let mappings: [GroupVersionKind: ResourceMapping] = Dictionary(uniqueKeysWithValues: table.map { apiVersion, kind, resource, namespaced in
        let gvk = GroupVersionKind(apiVersion: apiVersion, kind: kind)
        return (gvk, ResourceMapping(kind: gvk, resource: resource, namespaced: namespaced, verbs: verbs))
    })

    /// The mapping of a stable built-in kind, or nil for any other kind.
    public static func mapping(for kind: GroupVersionKind) -> ResourceMapping? { mappings[kind] }

    /// Every built-in mapping (for checking the table against a server's discovery).
    public static var all: [ResourceMapping] { Array(mappings.values) }
}
