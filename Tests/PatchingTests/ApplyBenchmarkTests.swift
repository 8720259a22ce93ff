import CapstanCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

@testable import Patching

/// Timing of server-side apply on a typical defaulted Deployment. Runs only with
/// `PATCHING_BENCH=1` (see bench/patching/run): debug builds and shared CI cores make timings noise.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PATCHING_BENCH"] == "1"))
struct ApplyBenchmarkTests {
    static let config = json(#"""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop","labels":{"app":"web","tier":"front"}},
         "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
          "template":{"metadata":{"labels":{"app":"web","tier":"front"},"annotations":{"checksum/config":"abc"}},
           "spec":{"containers":[
            {"name":"web","image":"nginx:1.27","ports":[{"containerPort":80,"name":"http"},{"containerPort":443,"name":"https"}],
             "env":[{"name":"A","value":"1"},{"name":"B","value":"2"},{"name":"C","valueFrom":{"configMapKeyRef":{"name":"cfg","key":"c"}}}],
             "resources":{"requests":{"cpu":"100m","memory":"64Mi"},"limits":{"memory":"128Mi"}},
             "volumeMounts":[{"name":"data","mountPath":"/data"}],
             "readinessProbe":{"httpGet":{"path":"/healthz","port":80},"periodSeconds":5}},
            {"name":"sidecar","image":"envoy:1.30","args":["--config","/etc/envoy.yaml"]}],
           "volumes":[{"name":"data","emptyDir":{}}]}}}}
        """#)

    static let defaulting = json(#"""
        [{"op":"add","path":"/spec/strategy","value":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},
         {"op":"add","path":"/spec/revisionHistoryLimit","value":10},
         {"op":"add","path":"/spec/progressDeadlineSeconds","value":600},
         {"op":"add","path":"/spec/template/spec/restartPolicy","value":"Always"},
         {"op":"add","path":"/spec/template/spec/dnsPolicy","value":"ClusterFirst"},
         {"op":"add","path":"/spec/template/spec/schedulerName","value":"default-scheduler"},
         {"op":"add","path":"/spec/template/spec/securityContext","value":{}},
         {"op":"add","path":"/spec/template/spec/terminationGracePeriodSeconds","value":30},
         {"op":"add","path":"/spec/template/spec/containers/0/ports/0/protocol","value":"TCP"},
         {"op":"add","path":"/spec/template/spec/containers/0/ports/1/protocol","value":"TCP"},
         {"op":"add","path":"/spec/template/spec/containers/0/imagePullPolicy","value":"IfNotPresent"},
         {"op":"add","path":"/spec/template/spec/containers/0/terminationMessagePath","value":"/dev/termination-log"},
         {"op":"add","path":"/spec/template/spec/containers/1/imagePullPolicy","value":"IfNotPresent"},
         {"op":"add","path":"/spec/template/spec/containers/1/resources","value":{}},
         {"op":"add","path":"/status","value":{"replicas":3,"readyReplicas":3,"observedGeneration":1}}]
        """#)

    @Test func typicalDeploymentApplyIsFast() throws {
        let schema = ObjectSchema.forObject(Self.config)
        let options = ApplyOptions(manager: "gitops", time: "2026-11-27T10:00:00Z", schema: schema)
        let created = try ServerSideApply.apply(Self.config, to: nil, options: options).object
        let live = try JSONPatch.apply(Self.defaulting, to: created)
        var changed = Self.config
        changed.setValue(5, at: ["spec", "replicas"])

        let rounds = 4000
        var unchanged = 0
        let (wall, cpu) = try BenchmarkClock.measure {
            for round in 0..<rounds {
                let result = try ServerSideApply.apply(round % 2 == 0 ? Self.config : changed, to: live, options: options)
                if !result.changed { unchanged += 1 }
            }
        }
        let cpuMicros = cpu / Double(rounds) * 1e6
        print(
            "patching-bench: server-side apply of a Deployment (half no-ops): "
                + String(format: "%.1f µs wall, %.1f µs CPU per apply, %.0f applies/s of CPU", wall / Double(rounds) * 1e6, cpuMicros, 1e6 / cpuMicros))
        #expect(unchanged == rounds / 2)
    }
}

/// Wall-clock and this thread's CPU time of a block: on a shared, loaded machine the CPU time is
/// the honest figure.
enum BenchmarkClock {
    static func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        let wallStart = now(CLOCK_MONOTONIC)
        let cpuStart = now(CLOCK_THREAD_CPUTIME_ID)
        try body()
        return (now(CLOCK_MONOTONIC) - wallStart, now(CLOCK_THREAD_CPUTIME_ID) - cpuStart)
    }

    private static func now(_ clock: clockid_t) -> Double {
        var spec = timespec()
        clock_gettime(clock, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
