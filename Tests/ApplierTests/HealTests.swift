import Applier
import CapstanCore
import Testing

/// Healing drift between reconciles: only drifted objects are written.
@Suite struct HealTests {
    @Test func healWritesOnlyTheDriftedObjects() async throws {
        let cluster = FakeCluster()
        let reconciler = Reconciler(client: cluster)
        let app = AppConfig(name: "shop", source: "repo", targetNamespace: "shop")
        let result = await reconciler.reconcile(
            DesiredBundle(objects: [Fixtures.configMap("a", namespace: nil), Fixtures.configMap("b", namespace: nil)]), app: app, previousInventory: nil)
        #expect(result.succeeded)
        await cluster.edit(ObjectIdentity(group: "", kind: "ConfigMap", namespace: "shop", name: "a"), ["data", "key"], "tampered")
        let writes = await cluster.writes

        let outcomes = await reconciler.heal(result.desired, app: "shop")
        #expect(outcomes.map(\.description) == ["configmap/a configured"])
        #expect(await cluster.writes == writes + 1)
        #expect(try await reconciler.drifted(result.desired).isEmpty)
        #expect(await reconciler.heal(result.desired, app: "shop").isEmpty)
    }
}
