import CapstanCore

/// The `autoscaling/v1` Scale view of a workload, served at its `/scale` subresource.
enum Scale {
    static func from(_ object: JSONValue, type: ResourceType) -> JSONValue {
        var metadata: [String: JSONValue] = [:]
        for key in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] {
            metadata[key] = object.value(at: ["metadata", key])
        }
        let labels = object.value(at: ["spec", "selector", "matchLabels"])?.objectValue ?? [:]
        let selector = labels.keys.sorted().map { "\($0)=\(labels[$0]?.stringValue ?? "")" }.joined(separator: ",")
        return [
            "kind": "Scale", "apiVersion": "autoscaling/v1", "metadata": .object(metadata),
            "spec": ["replicas": object.value(at: ["spec", "replicas"]) ?? 1],
            "status": ["replicas": object.value(at: ["status", "replicas"]) ?? 0, "selector": .string(selector)],
        ]
    }
}
