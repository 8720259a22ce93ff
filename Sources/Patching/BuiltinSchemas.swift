import CapstanCore

/// The compact schema table of the built-in kinds the emulator serves, taken from the struct tags
/// (`patchStrategy`, `patchMergeKey`) and list/map/struct markers of k8s.io/api and apimachinery.
/// Only nodes that are not deduced defaults are listed: list-maps, sets, atomic structs and maps.
enum BuiltinSchemas {
    static let labelSelector = SchemaNode.atomic()

    static let objectMeta = SchemaNode.structure(
        [
            "labels": .map(), "annotations": .map(),
            "finalizers": .scalarSet,
            "ownerReferences": .listMap(["uid"]),
        ], present: true)

    static let envVar = SchemaNode.structure([
        "valueFrom": .structure([
            "configMapKeyRef": .atomic(), "secretKeyRef": .atomic(), "fieldRef": .atomic(),
            "resourceFieldRef": .atomic(), "fileKeyRef": .atomic(),
        ])
    ])

    static let container = SchemaNode.structure([
        "ports": .listMap(
            ["containerPort", "protocol"], defaults: ["protocol": "TCP"], mergeKey: "containerPort"),
        "env": .listMap(["name"], element: envVar),
        "volumeMounts": .listMap(["mountPath"]),
        "volumeDevices": .listMap(["devicePath"]),
        "resources": SchemaNode(
            fields: ["claims": .listMap(["name"]), "limits": .map(), "requests": .map()],
            isPresentWhenZero: true),
        "securityContext": .structure(["capabilities": .deduced]),
    ])

    static let volume = SchemaNode.structure([
        "secret": .structure(["items": .deduced]),
        "configMap": .structure(["items": .deduced]),
    ])

    static let podSpec = SchemaNode.structure(
        [
            "volumes": .listMap(["name"], element: volume),
            "initContainers": .listMap(["name"], element: container),
            "containers": .listMap(["name"], element: container, present: true),
            "ephemeralContainers": .listMap(["name"], element: container),
            "imagePullSecrets": .listMap(["name"], element: .atomic()),
            "hostAliases": .listMap(["ip"]),
            "topologySpreadConstraints": .listMap(
                ["topologyKey", "whenUnsatisfiable"], mergeKey: "topologyKey",
                element: .structure(["labelSelector": labelSelector])),
            "schedulingGates": .listMap(["name"]),
            "resourceClaims": .listMap(["name"]),
            "nodeSelector": .atomic(),
            "affinity": .structure([
                "nodeAffinity": .structure(["requiredDuringSchedulingIgnoredDuringExecution": .atomic()])
            ]),
        ], present: true)

    static let podTemplate = SchemaNode.structure(
        ["metadata": objectMeta, "spec": podSpec], present: true)

    static let conditionsByType = SchemaNode.listMap(["type"])

    static func status(_ fields: [String: SchemaNode] = [:]) -> SchemaNode {
        .structure(fields, present: true)
    }

    static func kind(spec: SchemaNode? = nil, status: SchemaNode? = nil, extra: [String: SchemaNode] = [:])
        -> SchemaNode
    {
        var fields = extra
        fields["metadata"] = objectMeta
        if let spec { fields["spec"] = spec }
        if let status { fields["status"] = status }
        return .structure(fields)
    }

    static func workload(extra: [String: SchemaNode] = [:]) -> SchemaNode {
        var fields = extra
        fields["selector"] = labelSelector
        fields["template"] = podTemplate
        return kind(
            spec: .structure(fields, present: true), status: status(["conditions": conditionsByType]))
    }

    static let jobSpec = SchemaNode.structure(
        ["selector": labelSelector, "template": podTemplate], present: true)

    static let kinds: [String: SchemaNode] = [
        "/Namespace": kind(
            spec: .structure([:], present: true), status: status(["conditions": conditionsByType])),
        "/ConfigMap": kind(extra: ["data": .map(), "binaryData": .map()]),
        "/Secret": kind(extra: ["data": .map(), "stringData": .map()]),
        "/Service": kind(
            spec: .structure(
                [
                    "ports": .listMap(["port", "protocol"], defaults: ["protocol": "TCP"], mergeKey: "port"),
                    "selector": .atomic(),
                ], present: true),
            status: status(["conditions": conditionsByType])),
        "/ServiceAccount": kind(extra: ["secrets": .listMap(["name"])]),
        "/Pod": kind(
            spec: podSpec,
            status: status([
                "conditions": conditionsByType, "podIPs": .listMap(["ip"]),
                "hostIPs": .patchMergedAtomicList("ip"),
            ])),
        "/PersistentVolumeClaim": kind(
            spec: .structure(["selector": labelSelector], present: true),
            status: status(["conditions": conditionsByType])),
        "/Endpoints": kind(),
        "/Event": kind(),
        "apps/Deployment": workload(extra: [
            "strategy": SchemaNode(isPresentWhenZero: true)
        ]),
        "apps/StatefulSet": workload(extra: ["updateStrategy": .structure([:], present: true)]),
        "apps/DaemonSet": workload(extra: ["updateStrategy": .structure([:], present: true)]),
        "apps/ReplicaSet": workload(),
        "batch/Job": kind(
            spec: jobSpec, status: status(["conditions": .patchMergedAtomicList("type")])),
        "batch/CronJob": kind(
            spec: .structure(
                ["jobTemplate": .structure(["metadata": objectMeta, "spec": jobSpec], present: true)],
                present: true),
            status: status()),
        "rbac.authorization.k8s.io/Role": kind(),
        "rbac.authorization.k8s.io/ClusterRole": kind(extra: [
            "aggregationRule": .structure([:])
        ]),
        "rbac.authorization.k8s.io/RoleBinding": kind(extra: ["roleRef": .atomic()]),
        "rbac.authorization.k8s.io/ClusterRoleBinding": kind(extra: ["roleRef": .atomic()]),
        "networking.k8s.io/Ingress": kind(spec: .structure([:], present: true), status: status()),
        "networking.k8s.io/NetworkPolicy": kind(
            spec: .structure(["podSelector": labelSelector], present: true)),
        "policy/PodDisruptionBudget": kind(
            spec: .structure(["selector": .atomic(replacesOnPatch: true)], present: true),
            status: status(["conditions": conditionsByType])),
        "autoscaling/HorizontalPodAutoscaler": kind(
            spec: .structure([:], present: true), status: status(["conditions": conditionsByType])),
        "coordination.k8s.io/Lease": kind(spec: .structure([:], present: true)),
        "apiextensions.k8s.io/CustomResourceDefinition": kind(
            spec: .structure([:], present: true), status: status(["conditions": conditionsByType])),
    ]
}
