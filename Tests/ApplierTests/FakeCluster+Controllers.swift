import Applier
import CapstanCore

extension FakeCluster {
    static let builtinMappings: [String: KindMapping] = {
        let kinds: [(String, String, String, Bool)] = [
            ("v1", "Namespace", "namespaces", false), ("v1", "ConfigMap", "configmaps", true),
            ("v1", "Service", "services", true), ("v1", "Secret", "secrets", true),
            ("v1", "PersistentVolumeClaim", "persistentvolumeclaims", true),
            ("apps/v1", "Deployment", "deployments", true), ("batch/v1", "Job", "jobs", true),
            ("rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles", false),
            ("apiextensions.k8s.io/v1", "CustomResourceDefinition", "customresourcedefinitions", false),
        ]
        var table: [String: KindMapping] = [:]
        for (apiVersion, kind, resource, namespaced) in kinds {
            let reference = ObjectReference(apiVersion: apiVersion, kind: kind, name: "")
            table["\(apiVersion)/\(kind)"] = KindMapping(
                group: reference.group, version: reference.version, kind: kind, resource: resource, namespaced: namespaced)
        }
        return table
    }()

    /// The status the kind's controller would report at once.
    func controllerStatus(_ object: JSONValue) -> JSONValue {
        var result = object
        let generation = object.value(at: ["metadata", "generation"]) ?? 1
        switch object["kind"]?.stringValue {
        case "Deployment":
            let wanted = object.value(at: ["spec", "replicas"])?.intValue ?? 1
            let ready: Int64 = unavailable.contains(object.value(at: ["metadata", "name"])?.stringValue ?? "") ? 0 : wanted
            result.setValue(
                ["observedGeneration": generation, "replicas": .int(wanted), "updatedReplicas": .int(ready),
                 "readyReplicas": .int(ready), "availableReplicas": .int(ready)], at: ["status"])
        case "Namespace":
            result.setValue(["phase": "Active"], at: ["status"])
        case "CustomResourceDefinition":
            result.setValue(["conditions": [["type": "Established", "status": "True"]]], at: ["status"])
        default:
            break
        }
        return result
    }

    func registerIfCRD(_ crd: JSONValue) {
        guard crd["kind"]?.stringValue == "CustomResourceDefinition",
            let group = crd.value(at: ["spec", "group"])?.stringValue,
            let kind = crd.value(at: ["spec", "names", "kind"])?.stringValue
        else { return }
        for version in crd.value(at: ["spec", "versions"])?.arrayValue ?? [] {
            guard let name = version["name"]?.stringValue else { continue }
            setMapping("\(group)/\(name)/\(kind)", KindMapping(
                group: group, version: name, kind: kind,
                resource: crd.value(at: ["spec", "names", "plural"])?.stringValue ?? "",
                namespaced: crd.value(at: ["spec", "scope"])?.stringValue != "Cluster"))
        }
    }
}
