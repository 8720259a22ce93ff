import Applier
import CapstanCore
import Testing

@Suite struct DifferTests {
    @Test func diffsLiveAgainstDryRunAndIsQuietWhenEqual() async throws {
        let cluster = FakeCluster()
        let reconciler = Reconciler(client: cluster)
        let app = AppConfig(name: "shop", source: "repo")
        _ = await reconciler.reconcile(DesiredBundle(objects: [Fixtures.configMap("a")]), app: app)
        let differ = Differ(client: cluster, app: "shop")
        #expect(try await differ.diffs([Fixtures.configMap("a")]).isEmpty)
        let diffs = try await differ.diffs([Fixtures.configMap("a", data: "2"), Fixtures.configMap("new")])
        #expect(diffs.count == 2)
        #expect(diffs[0].hasPrefix("--- live/ConfigMap/shop/a\n+++ merged/ConfigMap/shop/a\n"))
        #expect(diffs[0].contains("-  key: \"1\"\n+  key: \"2\"\n"))
        #expect(diffs[1].contains("@@ -0,0 +1,"))
        #expect(await cluster.objects[ObjectIdentity(group: "", kind: "ConfigMap", namespace: "shop", name: "new")] == nil)
    }
}
