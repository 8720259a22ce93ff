import CapstanCore
import Foundation
import Kube
import Testing

/// A figure, not a pass/fail check: run with `KUBE_MEASURE=1 swift test --filter ThroughputMeasurement`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["KUBE_MEASURE"] != nil))
struct ThroughputMeasurement {
    @Test func serverSideApplyOfOneThousandConfigMaps() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let kube = KubeClient(config: KubeConfig(server: simulator.url), options: KubeClientOptions(qps: 0))
        _ = try await kube.apply(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "bench"]])
        for round in ["first apply", "re-apply"] {
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<1000 {
                    if index >= 32 { try await group.next() }
                    group.addTask { _ = try await kube.apply(configMap("cm-\(index)", namespace: "bench")) }
                }
                try await group.waitForAll()
            }
            print("kube-measure: \(round) of 1000 ConfigMaps: \(start.duration(to: .now))")
        }
        let start = ContinuousClock.now
        let listed = try await kube.list(configMapKind, namespace: "bench")
        print("kube-measure: list of \(listed.items.count) ConfigMaps: \(start.duration(to: .now))")
    }
}
