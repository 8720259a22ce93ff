import Applier
import CapstanCore
import Testing

/// A reconcile told that a newer bundle arrived stops at the next safe point and prunes nothing.
@Suite struct SupersedeTests {
    @Test func supersededReconcileStopsBetweenPhasesAndKeepsEveryObjectInTheInventory() async throws {
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        var reconciler = try cluster.reconciler()
        let app = AppConfig(name: "shop", source: "repo", targetNamespace: "shop", prune: true)
        let first = await reconciler.reconcile(
            DesiredBundle(objects: [Fixtures.namespace("shop"), Fixtures.configMap("a", namespace: nil), Fixtures.configMap("b", namespace: nil)]), app: app)
        #expect(first.succeeded)

        reconciler.isSuperseded = { true }
        let second = await reconciler.reconcile(
            DesiredBundle(objects: [Fixtures.namespace("shop"), Fixtures.configMap("a", namespace: nil), Fixtures.configMap("c", namespace: nil)]), app: app)
        #expect(second.failure == .superseded)
        #expect(second.outcomes.map(\.description) == ["namespace/shop unchanged"])
        let inventory = try await reconciler.loadInventory(app: "shop")
        #expect(inventory?.objects.map(\.name).sorted() == ["a", "b", "shop"])
    }
}
