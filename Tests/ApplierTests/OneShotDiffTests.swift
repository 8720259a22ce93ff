import CapstanCore
import Kube
import Testing

/// `capstan-applier diff`: a unified diff of live against desired per object, exit 1 when anything differs.
@Suite struct OneShotDiffTests {
    @Test func diffPrintsAUnifiedDiffAndExitsOneOnDifferences() async throws {
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        let bundle = [Fixtures.namespace("shop"), Fixtures.configMap("settings")]
        #expect(try await OneShotRun.run("apply", app: "shop", bundle, kubeconfig: cluster.kubeconfig).status == 0)

        let same = try await OneShotRun.run("diff", app: "shop", bundle, kubeconfig: cluster.kubeconfig)
        #expect(same.status == 0, "\(same)")
        #expect(same.lines.isEmpty, "\(same)")

        let changed = [Fixtures.namespace("shop"), Fixtures.configMap("settings", data: "2"), Fixtures.configMap("added")]
        let diff = try await OneShotRun.run("diff", app: "shop", changed, kubeconfig: cluster.kubeconfig)
        #expect(diff.status == 1, "\(diff)")
        #expect(diff.lines.filter { $0.hasPrefix("--- ") }.count == 2, "one diff per changed object: \(diff)")
        #expect(diff.lines.contains { $0.hasPrefix("@@ ") })
        #expect(diff.lines.contains("-  key: \"1\"") && diff.lines.contains("+  key: \"2\""), "\(diff)")
        #expect(diff.lines.contains("+  name: added"), "\(diff)")
        // Diff only dry-runs: nothing changed in the cluster.
        let live = try await cluster.kube().get(GroupVersionKind(group: "", version: "v1", kind: "ConfigMap"), namespace: "shop", name: "settings")
        #expect(live.value(at: ["data", "key"]) == "1")
        await #expect(throws: KubeAPIError.self) {
            try await cluster.kube().get(GroupVersionKind(group: "", version: "v1", kind: "ConfigMap"), namespace: "shop", name: "added")
        }
    }
}
