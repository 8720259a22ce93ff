import CapstanCore

/// kstatus-style health rules per kind, computed from a live object alone.
public enum HealthCheck {
    /// The health of `object` as the API server returned it.
    public static func assess(_ object: JSONValue) -> Health {
        if let stale = staleGeneration(object) { return .progressing(stale) }
        let group = ObjectIdentity.group(ofAPIVersion: object["apiVersion"]?.stringValue ?? "")
        switch (group, object["kind"]?.stringValue ?? "") {
        case ("apps", "Deployment"): return deployment(object)
        case ("apps", "StatefulSet"): return statefulSet(object)
        case ("apps", "DaemonSet"): return daemonSet(object)
        case ("apps", "ReplicaSet"): return replicaSet(object)
        case ("batch", "Job"): return job(object)
        case ("", "PersistentVolumeClaim"): return phase(object, wanted: "Bound")
        case ("", "Namespace"): return phase(object, wanted: "Active")
        case ("apiextensions.k8s.io", "CustomResourceDefinition"): return condition(object, "Established") ?? .progressing("condition Established is not yet reported")
        default: return generic(object)
        }
    }

    /// Why the controller has not seen the latest spec yet, or nil when it has (or reports no generation).
    static func staleGeneration(_ object: JSONValue) -> String? {
        guard let generation = object.value(at: ["metadata", "generation"])?.intValue,
            let observed = object.value(at: ["status", "observedGeneration"])?.intValue
        else { return nil }
        return observed < generation ? "observed generation \(observed) is behind generation \(generation)" : nil
    }

    static func deployment(_ object: JSONValue) -> Health {
        if let reason = failedCondition(object, "Progressing", failingReason: "ProgressDeadlineExceeded") {
            return .failed(reason)
        }
        return replicas(object, counters: ["updatedReplicas", "readyReplicas", "availableReplicas"])
    }

    static func statefulSet(_ object: JSONValue) -> Health {
        replicas(object, counters: ["readyReplicas", "currentReplicas"])
    }

    static func replicaSet(_ object: JSONValue) -> Health {
        replicas(object, counters: ["readyReplicas", "availableReplicas"])
    }

    static func daemonSet(_ object: JSONValue) -> Health {
        let desired = int(object, "status", "desiredNumberScheduled")
        for counter in ["updatedNumberScheduled", "numberAvailable", "numberReady"] {
            let value = int(object, "status", counter)
            if value < desired { return .progressing("\(counter) is \(value) of \(desired)") }
        }
        return .ready
    }

    /// Ready once every counter reaches `spec.replicas` (default 1).
    static func replicas(_ object: JSONValue, counters: [String]) -> Health {
        let desired = object.value(at: ["spec", "replicas"])?.intValue ?? 1
        for counter in counters {
            let value = int(object, "status", counter)
            if value < desired { return .progressing("\(counter) is \(value) of \(desired)") }
        }
        return .ready
    }

    static func job(_ object: JSONValue) -> Health {
        if condition(object, "Failed") == .ready {
            return .failed(conditionMessage(object, "Failed") ?? "job failed")
        }
        return condition(object, "Complete") ?? .progressing("job has not completed")
    }

    static func phase(_ object: JSONValue, wanted: String) -> Health {
        let phase = object.value(at: ["status", "phase"])?.stringValue ?? "unknown"
        return phase == wanted ? .ready : .progressing("phase is \(phase), waiting for \(wanted)")
    }

    /// Ready/Available conditions when reported; anything else is ready once applied.
    static func generic(_ object: JSONValue) -> Health {
        condition(object, "Ready") ?? condition(object, "Available") ?? .ready
    }
}
