import Applier
import CapstanCore
import Testing

/// The reconcile sequence against `capstan-kubesim` over real HTTP.
@Suite struct EmulatedReconcileTests {
    func app(wait: Bool = true) -> AppConfig {
        AppConfig(name: "shop", source: "repo", targetNamespace: "shop", prune: true, wait: wait, timeout: .seconds(10))
    }

    @Test func firstApplyNoOpAndPrune() async throws {
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        let reconciler = try cluster.reconciler()
        let objects = [Fixtures.namespace("shop"), Fixtures.deployment("web", namespace: nil, replicas: 2), Fixtures.configMap("a", namespace: nil)]
        let first = await reconciler.reconcile(DesiredBundle(objects: objects, revision: "main@sha1:1"), app: app())
        #expect(first.succeeded, "\(String(describing: first.failure))")
        #expect(first.outcomes.map(\.description) == ["namespace/shop created", "deployment.apps/web created", "configmap/a created"])

        let writes = try await cluster.writes()
        let again = await reconciler.reconcile(DesiredBundle(objects: objects, revision: "main@sha1:2"), app: app())
        #expect(again.succeeded, "\(String(describing: again.failure))")
        #expect(again.outcomes.map(\.action) == [.unchanged, .unchanged, .unchanged])
        #expect(try await cluster.writes() == writes)

        let pruned = await reconciler.reconcile(DesiredBundle(objects: Array(objects.prefix(2))), app: app(wait: false))
        #expect(pruned.outcomes.map(\.description) == ["namespace/shop unchanged", "deployment.apps/web unchanged", "configmap/a pruned"])
    }

    @Test func crdAndCustomResourceInOneBundle() async throws {
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        let result = await (try cluster.reconciler()).reconcile(
            DesiredBundle(objects: [Fixtures.widget, Fixtures.crd, Fixtures.namespace("shop")]), app: app())
        #expect(result.succeeded, "\(String(describing: result.failure))")
        #expect(result.outcomes.map(\.description) == ["customresourcedefinition.apiextensions.k8s.io/widgets.example.com created", "namespace/shop created", "widget.example.com/gear created"])
    }
}
