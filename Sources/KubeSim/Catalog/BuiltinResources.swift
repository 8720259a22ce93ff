/// The built-in kinds the emulator serves, as the real API server names them.
enum BuiltinResources {
    static let all: [ResourceType] = core + apps + others

    static let core: [ResourceType] = [
        ResourceType(group: "", version: "v1", kind: "Namespace", plural: "namespaces", namespaced: false,
                     shortNames: ["ns"], hasStatus: true),
        ResourceType(group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", shortNames: ["cm"]),
        ResourceType(group: "", version: "v1", kind: "Secret", plural: "secrets"),
        ResourceType(group: "", version: "v1", kind: "Service", plural: "services", shortNames: ["svc"],
                     categories: ["all"], hasStatus: true),
        ResourceType(group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", shortNames: ["sa"]),
        ResourceType(group: "", version: "v1", kind: "Pod", plural: "pods", shortNames: ["po"], categories: ["all"],
                     hasStatus: true),
        ResourceType(group: "", version: "v1", kind: "PersistentVolumeClaim", plural: "persistentvolumeclaims",
                     shortNames: ["pvc"], hasStatus: true),
        ResourceType(group: "", version: "v1", kind: "Endpoints", plural: "endpoints", shortNames: ["ep"]),
        ResourceType(group: "", version: "v1", kind: "Event", plural: "events", shortNames: ["ev"]),
    ]

    static let apps: [ResourceType] = [
        ResourceType(group: "apps", version: "v1", kind: "Deployment", plural: "deployments", shortNames: ["deploy"],
                     categories: ["all"], hasStatus: true, hasScale: true, usesGeneration: true),
        ResourceType(group: "apps", version: "v1", kind: "StatefulSet", plural: "statefulsets", shortNames: ["sts"],
                     categories: ["all"], hasStatus: true, hasScale: true, usesGeneration: true),
        ResourceType(group: "apps", version: "v1", kind: "DaemonSet", plural: "daemonsets", shortNames: ["ds"],
                     categories: ["all"], hasStatus: true, usesGeneration: true),
        ResourceType(group: "apps", version: "v1", kind: "ReplicaSet", plural: "replicasets", shortNames: ["rs"],
                     categories: ["all"], hasStatus: true, hasScale: true, usesGeneration: true),
    ]

    static let others: [ResourceType] = [
        ResourceType(group: "batch", version: "v1", kind: "Job", plural: "jobs", categories: ["all"], hasStatus: true,
                     usesGeneration: true),
        ResourceType(group: "batch", version: "v1", kind: "CronJob", plural: "cronjobs", shortNames: ["cj"],
                     categories: ["all"], hasStatus: true, usesGeneration: true),
        ResourceType(group: "rbac.authorization.k8s.io", version: "v1", kind: "Role", plural: "roles"),
        ResourceType(group: "rbac.authorization.k8s.io", version: "v1", kind: "RoleBinding", plural: "rolebindings"),
        ResourceType(group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRole", plural: "clusterroles",
                     namespaced: false),
        ResourceType(group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRoleBinding",
                     plural: "clusterrolebindings", namespaced: false),
        ResourceType(group: "networking.k8s.io", version: "v1", kind: "Ingress", plural: "ingresses", shortNames: ["ing"],
                     hasStatus: true, usesGeneration: true),
        ResourceType(group: "networking.k8s.io", version: "v1", kind: "NetworkPolicy", plural: "networkpolicies",
                     shortNames: ["netpol"], usesGeneration: true),
        ResourceType(group: "policy", version: "v1", kind: "PodDisruptionBudget", plural: "poddisruptionbudgets",
                     shortNames: ["pdb"], hasStatus: true, usesGeneration: true),
        ResourceType(group: "autoscaling", version: "v2", kind: "HorizontalPodAutoscaler",
                     plural: "horizontalpodautoscalers", shortNames: ["hpa"], categories: ["all"], hasStatus: true),
        ResourceType(group: "coordination.k8s.io", version: "v1", kind: "Lease", plural: "leases"),
        ResourceType(group: "authorization.k8s.io", version: "v1", kind: "SelfSubjectAccessReview",
                     plural: "selfsubjectaccessreviews", namespaced: false, verbs: ["create"]),
        ResourceType(group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition",
                     plural: "customresourcedefinitions", namespaced: false, shortNames: ["crd", "crds"],
                     categories: ["api-extensions"], hasStatus: true, usesGeneration: true),
    ]
}
