import CapstanCore
import Kube
import Testing

/// `--wait` against the emulator's simulated controllers, and fields left to other controllers.
@Suite struct OneShotHealthTests {
    let deployments = GroupVersionKind(group: "apps", version: "v1", kind: "Deployment")

    @Test func waitEndsOnceTheDeploymentIsAvailable() async throws {
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        let run = try await OneShotRun.run(
            "apply", app: "shop", [Fixtures.namespace("shop"), Fixtures.deployment("web", replicas: 3)],
            kubeconfig: cluster.kubeconfig, flags: ["--wait", "--timeout", "20s"])
        #expect(run.status == 0, "\(run)")
        let live = try await cluster.kube().get(deployments, namespace: "shop", name: "web")
        #expect(live.value(at: ["status", "availableReplicas"]) == 3)
    }

    @Test func waitTimesOutNamingTheUnavailableDeploymentAndWhy() async throws {
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        // The emulator never makes a workload whose image tag is `fail` available.
        let stuck = Fixtures.deployment("web", replicas: 2, image: "nginx:fail")
        let run = try await OneShotRun.run(
            "apply", app: "shop", [Fixtures.namespace("shop"), stuck, Fixtures.configMap("settings")],
            kubeconfig: cluster.kubeconfig, flags: ["--wait", "--timeout", "1s"])
        #expect(run.status == 1, "\(run)")
        let error = try #require(run.lines.last)
        #expect(error.hasPrefix("error: timed out waiting for health: deployment.apps/web: not ready: "), "\(run)")
        #expect(error.contains("Replicas is 0 of 2"), "the reason names the missing replicas: \(error)")
        #expect(!error.contains("configmap/settings"), "ready objects are not named")
    }

    @Test func replicasLeftToAnHPAAreNotReverted() async throws {
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        let bundle = [Fixtures.namespace("shop"), Fixtures.deployment("web", replicas: nil)]
        #expect(try await OneShotRun.run("apply", app: "shop", bundle, kubeconfig: cluster.kubeconfig).status == 0)

        // An autoscaler owns spec.replicas through its own field manager.
        let scale: JSONValue = ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web", "namespace": "shop"], "spec": ["replicas": 5]]
        _ = try await cluster.kube().apply(scale, options: ApplyOptions(fieldManager: "horizontal-pod-autoscaler"))
        let writes = try await cluster.writes()

        let again = try await OneShotRun.run("apply", app: "shop", bundle, kubeconfig: cluster.kubeconfig)
        #expect(again.lines == ["namespace/shop unchanged", "deployment.apps/web unchanged"], "\(again)")
        #expect(try await cluster.writes() == writes)
        let live = try await cluster.kube().get(deployments, namespace: "shop", name: "web")
        #expect(live.value(at: ["spec", "replicas"]) == 5)
    }
}
