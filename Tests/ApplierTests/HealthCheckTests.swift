import Applier
import CapstanCore
import Testing

@Suite struct HealthCheckTests {
    static func object(_ apiVersion: String, _ kind: String, spec: JSONValue = [:], status: JSONValue, generation: Int64 = 1) -> JSONValue {
        ["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": ["name": "x", "generation": .int(generation)], "spec": spec, "status": status]
    }

    static let cases: [(JSONValue, String)] = [
        (object("apps/v1", "Deployment", spec: ["replicas": 2], status: ["observedGeneration": 1, "updatedReplicas": 2, "readyReplicas": 2, "availableReplicas": 2]), "ready"),
        (object("apps/v1", "Deployment", spec: ["replicas": 2], status: ["observedGeneration": 1, "updatedReplicas": 2, "readyReplicas": 2, "availableReplicas": 1]), "not ready: availableReplicas is 1 of 2"),
        (object("apps/v1", "Deployment", status: ["observedGeneration": 1], generation: 2), "not ready: observed generation 1 is behind generation 2"),
        (object("apps/v1", "Deployment", status: ["observedGeneration": 1, "conditions": [["type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded", "message": "rollout stuck"]]]), "failed: rollout stuck"),
        (object("apps/v1", "StatefulSet", spec: ["replicas": 3], status: ["readyReplicas": 3, "currentReplicas": 2]), "not ready: currentReplicas is 2 of 3"),
        (object("apps/v1", "DaemonSet", status: ["desiredNumberScheduled": 2, "updatedNumberScheduled": 2, "numberAvailable": 2, "numberReady": 2]), "ready"),
        (object("apps/v1", "DaemonSet", status: ["desiredNumberScheduled": 2, "updatedNumberScheduled": 1]), "not ready: updatedNumberScheduled is 1 of 2"),
        (object("apps/v1", "ReplicaSet", status: ["readyReplicas": 1, "availableReplicas": 1]), "ready"),
        (object("batch/v1", "Job", status: ["conditions": [["type": "Complete", "status": "True"]]]), "ready"),
        (object("batch/v1", "Job", status: ["conditions": [["type": "Failed", "status": "True", "message": "BackoffLimitExceeded"]]]), "failed: BackoffLimitExceeded"),
        (object("batch/v1", "Job", status: [:]), "not ready: job has not completed"),
        (object("v1", "PersistentVolumeClaim", status: ["phase": "Pending"]), "not ready: phase is Pending, waiting for Bound"),
        (object("v1", "PersistentVolumeClaim", status: ["phase": "Bound"]), "ready"),
        (object("v1", "Namespace", status: ["phase": "Active"]), "ready"),
        (object("apiextensions.k8s.io/v1", "CustomResourceDefinition", status: [:]), "not ready: condition Established is not yet reported"),
        (object("apiextensions.k8s.io/v1", "CustomResourceDefinition", status: ["conditions": [["type": "Established", "status": "True"]]]), "ready"),
        (object("example.com/v1", "Widget", status: ["conditions": [["type": "Ready", "status": "False", "message": "waiting for gears"]]]), "not ready: condition Ready is not True: waiting for gears"),
        (object("example.com/v1", "Widget", status: ["conditions": [["type": "Available", "status": "True"]]]), "ready"),
        (object("v1", "ConfigMap", status: [:]), "ready"),
    ]

    @Test(arguments: cases)
    func assesses(object: JSONValue, expected: String) {
        #expect(HealthCheck.assess(object).description == expected)
    }
}
