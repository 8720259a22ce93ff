import Applier
import CapstanCore
import Testing

@Suite struct ReconcilerTests {
    let cluster = FakeCluster()

    func reconciler() -> Reconciler {
        var reconciler = Reconciler(client: cluster)
        reconciler.retry = RetryPolicy(attempts: 4, initialDelay: .milliseconds(1))
        reconciler.pollInterval = .milliseconds(5)
        return reconciler
    }

    func app(_ name: String = "shop", prune: Bool = true, wait: Bool = false, timeout: Interval = .seconds(5)) -> AppConfig {
        AppConfig(name: name, source: "repo", targetNamespace: "shop", prune: prune, wait: wait, timeout: timeout)
    }

    func lines(_ result: ReconcileResult) -> [String] { result.outcomes.map(\.description) }

    @Test func firstApplyCreatesEverythingAndStoresInventory() async throws {
        let result = await reconciler().reconcile(
            DesiredBundle(objects: [Fixtures.namespace("shop"), Fixtures.deployment("web", namespace: nil)], revision: "main@sha1:abc"),
            app: app())
        #expect(result.succeeded, "\(String(describing: result.failure))")
        #expect(lines(result) == ["namespace/shop created", "deployment.apps/web created"])
        let web = await cluster.objects[ObjectIdentity(group: "apps", kind: "Deployment", namespace: "shop", name: "web")]
        #expect(web?.value(at: ["metadata", "labels", "capstan.dev/app"]) == "shop")
        let stored = try await reconciler().loadInventory(app: "shop")
        #expect(stored?.objects.map(\.name).sorted() == ["shop", "web"])
    }

    @Test func unchangedBundleCostsNoWrite() async {
        let bundle = DesiredBundle(objects: [Fixtures.configMap("a"), Fixtures.deployment("web")])
        _ = await reconciler().reconcile(bundle, app: app())
        let writes = await cluster.writes
        let again = await reconciler().reconcile(DesiredBundle(objects: bundle.objects, revision: "main@sha1:new"), app: app(wait: true))
        #expect(lines(again) == ["configmap/a unchanged", "deployment.apps/web unchanged"])
        #expect(await cluster.writes == writes)
    }

    @Test func driftIsReappliedAndUpdatesConfigure() async {
        let bundle = DesiredBundle(objects: [Fixtures.deployment("web", replicas: 2), Fixtures.configMap("a")])
        _ = await reconciler().reconcile(bundle, app: app())
        await cluster.edit(ObjectIdentity(group: "apps", kind: "Deployment", namespace: "shop", name: "web"), ["spec", "replicas"], 7)
        let changed = DesiredBundle(objects: [Fixtures.deployment("web", replicas: 2), Fixtures.configMap("a", data: "2")])
        let result = await reconciler().reconcile(changed, app: app())
        #expect(lines(result) == ["deployment.apps/web configured", "configmap/a configured"])
        let web = await cluster.objects[ObjectIdentity(group: "apps", kind: "Deployment", namespace: "shop", name: "web")]
        #expect(web?.value(at: ["spec", "replicas"]) == 2)
    }

    @Test func prunesWhatLeftTheBundle() async {
        var protected = Fixtures.configMap("keep-me")
        protected.setValue("disabled", at: ["metadata", "annotations", "capstan.dev/prune"])
        _ = await reconciler().reconcile(DesiredBundle(objects: [Fixtures.configMap("a"), Fixtures.configMap("b"), protected]), app: app())
        let result = await reconciler().reconcile(DesiredBundle(objects: [Fixtures.configMap("a")]), app: app())
        #expect(lines(result) == ["configmap/a unchanged", "configmap/b pruned"])
        #expect(await cluster.objects[ObjectIdentity(group: "", kind: "ConfigMap", namespace: "shop", name: "keep-me")] != nil)
        #expect(result.inventory?.objects.map(\.name) == ["a"])
    }

    @Test func partialFailureAppliesOthersAndPrunesNothing() async throws {
        _ = await reconciler().reconcile(DesiredBundle(objects: [Fixtures.configMap("a"), Fixtures.configMap("old")]), app: app())
        await cluster.reject("bad", #"ConfigMap "bad" is invalid: data: Invalid value"#)
        let result = await reconciler().reconcile(
            DesiredBundle(objects: [Fixtures.configMap("bad"), Fixtures.configMap("new")]), app: app())
        #expect(lines(result) == [#"configmap/bad failed: ConfigMap "bad" is invalid: data: Invalid value"#, "configmap/new created"])
        guard case .rejected(let rejected) = result.failure else { Issue.record("expected rejection"); return }
        #expect(rejected.map(\.object.name) == ["bad"])
        #expect(await cluster.objects[ObjectIdentity(group: "", kind: "ConfigMap", namespace: "shop", name: "old")] != nil)
        let stored = try await reconciler().loadInventory(app: "shop")
        #expect(stored?.objects.map(\.name).sorted() == ["a", "new", "old"])
    }

    @Test func invalidBundleAppliesNothing() async {
        let result = await reconciler().reconcile(
            DesiredBundle(objects: [Fixtures.configMap("a"), ["apiVersion": "v1", "kind": "ConfigMap", "metadata": [:]], Fixtures.widget]),
            app: app())
        guard case .invalidBundle(let problems) = result.failure else { Issue.record("expected invalid bundle"); return }
        #expect(problems.map(\.reason) == ["metadata.name is missing"])
        #expect(await cluster.writes == 0)
        let unknown = await reconciler().reconcile(DesiredBundle(objects: [Fixtures.configMap("a"), Fixtures.widget]), app: app())
        #expect(unknown.failure?.description.contains("kind Widget in example.com/v1 is not served") == true)
        #expect(await cluster.writes == 0)
    }

    @Test func crdsAndNamespacesFirstThenWaves() async {
        let bundle = [
            Fixtures.configMap("late", wave: "1"), Fixtures.widget, Fixtures.configMap("early", wave: "-1"), Fixtures.crd, Fixtures.namespace("shop"),
        ]
        var serial = reconciler()
        serial.concurrency = 1
        let result = await serial.reconcile(DesiredBundle(objects: bundle), app: app())
        #expect(result.succeeded, "\(String(describing: result.failure))")
        #expect(await cluster.applyOrder.map(\.name) == ["widgets.example.com", "shop", "early", "gear", "late", "capstan-system", "capstan-inventory-shop"])
    }

    @Test func healthTimeoutNamesObjectsAndWhy() async {
        await cluster.keepUnavailable("stuck")
        let result = await reconciler().reconcile(
            DesiredBundle(objects: [Fixtures.deployment("stuck", replicas: 2), Fixtures.deployment("fine")]),
            app: app(wait: true, timeout: .milliseconds(100)))
        #expect(result.failure?.description == "timed out waiting for health: deployment.apps/stuck: not ready: updatedReplicas is 0 of 2")
    }

    @Test func twoAppsClaimingOneObject() async {
        _ = await reconciler().reconcile(DesiredBundle(objects: [Fixtures.configMap("shared")]), app: app("billing"))
        let writes = await cluster.writes
        let result = await reconciler().reconcile(DesiredBundle(objects: [Fixtures.configMap("shared"), Fixtures.configMap("mine")]), app: app())
        #expect(result.failure?.description == "ownership conflict, nothing applied: ConfigMap/shop/shared is managed by app billing; app shop may not apply it (remove it from one of the two apps)")
        #expect(await cluster.writes == writes)
    }

    @Test func retriesDroppedConnections() async {
        await cluster.dropConnections(3)
        let result = await reconciler().reconcile(DesiredBundle(objects: [Fixtures.configMap("a")]), app: app())
        #expect(result.succeeded)
        #expect(lines(result) == ["configmap/a created"])
    }

    @Test func unreachableApiPrunesNothing() async {
        _ = await reconciler().reconcile(DesiredBundle(objects: [Fixtures.configMap("a"), Fixtures.configMap("b")]), app: app())
        await cluster.dropConnections(1000)
        let result = await reconciler().reconcile(DesiredBundle(objects: [Fixtures.configMap("a")]), app: app())
        guard case .unreachable = result.failure else { Issue.record("expected unreachable, got \(String(describing: result.failure))"); return }
        await cluster.dropConnections(0)
        #expect(await cluster.objects[ObjectIdentity(group: "", kind: "ConfigMap", namespace: "shop", name: "b")] != nil)
    }
}
