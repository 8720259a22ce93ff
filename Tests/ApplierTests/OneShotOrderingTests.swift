import CapstanCore
import Kube
import Testing

/// Apply order as the emulator saw it: CRDs and Namespaces first, then waves in ascending order.
@Suite struct OneShotOrderingTests {
    @Test func crdsAndNamespacesFirstThenWavesInAscendingOrder() async throws {
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        // Listed against the order they must be applied in.
        let objects = [
            Fixtures.configMap("late", wave: "1"), Fixtures.widget, Fixtures.configMap("plain"),
            Fixtures.configMap("early", wave: "-1"), Fixtures.namespace("shop"), Fixtures.crd,
        ]
        let run = try await OneShotRun.run("apply", app: "shop", objects, kubeconfig: cluster.kubeconfig)
        #expect(run.status == 0, "\(run)")
        #expect(run.lines == [
            "namespace/shop created", "customresourcedefinition.apiextensions.k8s.io/widgets.example.com created",
            "configmap/early created", "widget.example.com/gear created", "configmap/plain created", "configmap/late created",
        ], "within a wave, outcomes are listed in bundle order")

        // The emulator's one resourceVersion counter orders the writes (controllers never touch ConfigMaps).
        let kube = try cluster.kube()
        func version(_ name: String) async throws -> Int {
            let object = try await kube.get(GroupVersionKind(group: "", version: "v1", kind: "ConfigMap"), namespace: "shop", name: name)
            return Int(object.value(at: ["metadata", "resourceVersion"])?.stringValue ?? "") ?? -1
        }
        let widget = try await kube.get(GroupVersionKind(group: "example.com", version: "v1", kind: "Widget"), namespace: "shop", name: "gear")
        let widgetVersion = Int(widget.value(at: ["metadata", "resourceVersion"])?.stringValue ?? "") ?? -1
        let early = try await version("early"), plain = try await version("plain"), late = try await version("late")
        #expect(early < plain && early < widgetVersion, "wave -1 before wave 0")
        #expect(plain < late && widgetVersion < late, "wave 0 before wave 1")
    }
}
