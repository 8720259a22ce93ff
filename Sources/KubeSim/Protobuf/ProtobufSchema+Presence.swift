extension ProtobufSchema {
    /// Fields whose zero value still shows in JSON: Go pointers (`*int32`, `*bool`: present on the wire only
    /// when set, so a zero was set on purpose) and non-pointer fields without `omitempty`. Every other
    /// scalar is a non-pointer `omitempty` field that Go's marshaller writes even when zero, and JSON drops.
    /// Taken from the Go types of kubernetes/api for the kinds kubectl's typed commands send.
    static let keepsZero: Set<String> = [
        "apps.v1.DeploymentSpec.replicas", "apps.v1.DeploymentSpec.revisionHistoryLimit",
        "apps.v1.DeploymentSpec.progressDeadlineSeconds",
        "apps.v1.StatefulSetSpec.replicas", "apps.v1.StatefulSetSpec.revisionHistoryLimit",
        "apps.v1.ReplicaSetSpec.replicas", "apps.v1.DaemonSetSpec.revisionHistoryLimit",
        "apps.v1.RollingUpdateStatefulSetStrategy.partition",
        "batch.v1.JobSpec.parallelism", "batch.v1.JobSpec.completions", "batch.v1.JobSpec.activeDeadlineSeconds",
        "batch.v1.JobSpec.manualSelector", "batch.v1.JobSpec.backoffLimit", "batch.v1.JobSpec.ttlSecondsAfterFinished",
        "batch.v1.JobSpec.suspend", "batch.v1.JobSpec.backoffLimitPerIndex", "batch.v1.JobSpec.maxFailedIndexes",
        "batch.v1.CronJobSpec.startingDeadlineSeconds", "batch.v1.CronJobSpec.suspend",
        "batch.v1.CronJobSpec.successfulJobsHistoryLimit", "batch.v1.CronJobSpec.failedJobsHistoryLimit",
        "core.v1.ConfigMap.immutable", "core.v1.Secret.immutable",
        "core.v1.ServiceAccount.automountServiceAccountToken",
        "core.v1.PodSpec.terminationGracePeriodSeconds", "core.v1.PodSpec.activeDeadlineSeconds",
        "core.v1.PodSpec.automountServiceAccountToken", "core.v1.PodSpec.shareProcessNamespace",
        "core.v1.PodSpec.enableServiceLinks", "core.v1.PodSpec.hostUsers", "core.v1.PodSpec.setHostnameAsFQDN",
        "core.v1.PodSpec.priority",
        "core.v1.SecurityContext.privileged", "core.v1.SecurityContext.runAsUser", "core.v1.SecurityContext.runAsNonRoot",
        "core.v1.SecurityContext.readOnlyRootFilesystem", "core.v1.SecurityContext.allowPrivilegeEscalation",
        "core.v1.SecurityContext.runAsGroup",
        "core.v1.PodSecurityContext.runAsUser", "core.v1.PodSecurityContext.runAsNonRoot",
        "core.v1.PodSecurityContext.fsGroup", "core.v1.PodSecurityContext.runAsGroup",
        "core.v1.ServiceSpec.allocateLoadBalancerNodePorts",
        "core.v1.ContainerPort.containerPort", "core.v1.ServicePort.port",
        "core.v1.Container.name", "core.v1.EnvVar.name",
        "rbac.v1.RoleRef.apiGroup", "rbac.v1.RoleRef.kind", "rbac.v1.RoleRef.name",
        "rbac.v1.Subject.kind", "rbac.v1.Subject.name",
    ]

    /// Whether a zero `field` of `message` belongs in the JSON object.
    static func keepsZero(_ message: String, _ field: String) -> Bool { keepsZero.contains(message + "." + field) }
}
