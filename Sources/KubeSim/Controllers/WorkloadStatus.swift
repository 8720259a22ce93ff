import CapstanCore

/// The status a settled workload, Job or PVC reports, as the real controllers write it.
enum WorkloadStatus {
    static let kinds: Set<String> = ["apps/deployments", "apps/statefulsets", "apps/daemonsets", "apps/replicasets"]

    static func replicasDiffer(_ object: JSONValue, storageKey: String) -> Bool {
        guard storageKey != "apps/daemonsets" else { return false }
        return object.value(at: ["status", "replicas"])?.intValue ?? 0 != object.value(at: ["spec", "replicas"])?.intValue ?? 1
    }

    static func settle(_ object: inout JSONValue, type: ResourceType, failImagePattern: String) {
        let now = Clock.now()
        let failing = images(object).contains { !failImagePattern.isEmpty && $0.contains(failImagePattern) }
        switch type.storageKey {
        case "/persistentvolumeclaims":
            object.setValue("Bound", at: ["status", "phase"])
            object.setValue(object.value(at: ["spec", "accessModes"]) ?? ["ReadWriteOnce"], at: ["status", "accessModes"])
            if let size = object.value(at: ["spec", "resources", "requests", "storage"]) {
                object.setValue(["storage": size], at: ["status", "capacity"])
            }
        case "batch/jobs": job(&object, failing: failing, now: now)
        default: workload(&object, type: type, failing: failing, now: now)
        }
    }

    private static func images(_ object: JSONValue) -> [String] {
        let spec = object.value(at: ["spec", "template", "spec"])
        return ["containers", "initContainers"].flatMap { spec?[$0]?.arrayValue ?? [] }.compactMap { $0["image"]?.stringValue }
    }

    private static func workload(_ object: inout JSONValue, type: ResourceType, failing: Bool, now: String) {
        let generation = object.value(at: ["metadata", "generation"]) ?? 1
        let desired = type.kind == "DaemonSet" ? 1 : object.value(at: ["spec", "replicas"])?.intValue ?? 1
        let ready: Int64 = failing ? 0 : desired
        var status: JSONValue = ["observedGeneration": generation]
        switch type.kind {
        case "DaemonSet":
            for key in ["currentNumberScheduled", "desiredNumberScheduled", "updatedNumberScheduled"] { status[key] = .int(desired) }
            status["numberReady"] = .int(ready)
            if ready > 0 { status["numberAvailable"] = .int(ready) }
            status["numberMisscheduled"] = 0
            if ready < desired { status["numberUnavailable"] = .int(desired - ready) }
        default:
            status["replicas"] = .int(desired)
            for key in ["readyReplicas", "availableReplicas"] where ready > 0 { status[key] = .int(ready) }
            if type.kind != "ReplicaSet" { status["updatedReplicas"] = .int(desired) }
            if type.kind == "ReplicaSet" { status["fullyLabeledReplicas"] = .int(desired) }
            if type.kind == "Deployment", ready < desired { status["unavailableReplicas"] = .int(desired - ready) }
            if type.kind == "StatefulSet" {
                status["currentReplicas"] = .int(desired)
                let revision = JSONValue.string("\(object.value(at: ["metadata", "name"])?.stringValue ?? "")-\(generation.intValue ?? 1)")
                status["currentRevision"] = revision
                status["updateRevision"] = revision
                status["collisionCount"] = 0
            }
        }
        if type.kind == "Deployment" {
            let previous = object.value(at: ["status", "conditions"])?.arrayValue ?? []
            status["conditions"] = .array([
                condition(previous, "Available", ready >= desired ? "True" : "False",
                          ready >= desired ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                          ready >= desired ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
                          now),
                condition(previous, "Progressing", "True", failing ? "ReplicaSetUpdated" : "NewReplicaSetAvailable",
                          failing ? "ReplicaSet is progressing." : "ReplicaSet has successfully progressed.", now),
            ])
        }
        object["status"] = status
    }

    private static func job(_ object: inout JSONValue, failing: Bool, now: String) {
        let completions = object.value(at: ["spec", "completions"])?.intValue ?? 1
        var status: JSONValue = ["startTime": .string(now)]
        if failing { status["active"] = 1 }
        if !failing {
            status["succeeded"] = .int(completions)
            status["completionTime"] = .string(now)
            status["ready"] = 0
            status["terminating"] = 0
            status["conditions"] = [
                ["type": "SuccessCriteriaMet", "status": "True", "reason": "CompletionsReached",
                 "message": "Reached expected number of succeeded pods", "lastProbeTime": .string(now), "lastTransitionTime": .string(now)],
                ["type": "Complete", "status": "True", "reason": "CompletionsReached",
                 "message": "Reached expected number of succeeded pods", "lastProbeTime": .string(now), "lastTransitionTime": .string(now)],
            ]
        }
        object["status"] = status
    }

    private static func condition(_ previous: [JSONValue], _ type: String, _ status: String, _ reason: String,
                                  _ message: String, _ now: String) -> JSONValue {
        let old = previous.first { $0["type"]?.stringValue == type }
        let transition = old?["status"]?.stringValue == status ? old?["lastTransitionTime"] ?? .string(now) : .string(now)
        return ["type": .string(type), "status": .string(status), "reason": .string(reason), "message": .string(message),
                "lastUpdateTime": .string(now), "lastTransitionTime": transition]
    }
}
