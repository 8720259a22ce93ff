import CapstanCore
import Testing

/// `capstan-applier run` end to end: bundle events over real ZeroMQ, a real kubesim over HTTP.
@Suite struct DaemonReconcileTests {
    @Test func bundleEventIsAppliedThenUpdatedThenPruned() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        let applier = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: appYAML("shop"))
        let first = renderer.publish(app: "shop", revision: "main@sha1:1", yaml: Bundles.join(
            Bundles.namespace("shop"), Bundles.deployment("web"), Bundles.configMap("a"), Bundles.configMap("b")))
        let ready = await applier.waitFor("shop") { $0["phase"] == "Ready" && $0["bundle"] == .string(first.description) }
        #expect(ready?["revision"] == "main@sha1:1")
        #expect(ready?["objects"] == 4)
        #expect(ready?.value(at: ["actions", "created"]) == 4)
        #expect(await cluster.get("v1", "ConfigMap", namespace: "shop", "a")?.value(at: ["data", "key"]) == "1")

        let second = renderer.publish(app: "shop", revision: "main@sha1:2", yaml: Bundles.join(
            Bundles.namespace("shop"), Bundles.deployment("web"), Bundles.configMap("a", data: "2")))
        let updated = await applier.waitFor("shop") { $0["phase"] == "Ready" && $0["bundle"] == .string(second.description) }
        #expect(updated?.value(at: ["actions", "configured"]) == 1)
        #expect(updated?.value(at: ["actions", "pruned"]) == 1)
        #expect(await cluster.get("v1", "ConfigMap", namespace: "shop", "a")?.value(at: ["data", "key"]) == "2")
        #expect(await cluster.get("v1", "ConfigMap", namespace: "shop", "b") == nil)
        await applier.stop()
        await renderer.stop()
    }

    @Test func restartedApplierPrunesFromTheStoredInventory() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        let first = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: appYAML("shop"))
        let v1 = renderer.publish(app: "shop", revision: "main@sha1:1", yaml: Bundles.join(
            Bundles.namespace("shop"), Bundles.configMap("a"), Bundles.configMap("b")))
        #expect(await first.waitFor("shop") { $0["phase"] == "Ready" && $0["bundle"] == .string(v1.description) } != nil)
        await first.stop()

        // Published while no applier runs; the new one has only the cluster's inventory to go by.
        let v2 = renderer.publish(app: "shop", revision: "main@sha1:2", yaml: Bundles.join(Bundles.namespace("shop"), Bundles.configMap("a")))
        let second = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: appYAML("shop"))
        let status = await second.waitFor("shop") { $0["phase"] == "Ready" && $0["bundle"] == .string(v2.description) }
        #expect(status?.value(at: ["actions", "pruned"]) == 1)
        #expect(await cluster.get("v1", "ConfigMap", namespace: "shop", "b") == nil)
        #expect(await cluster.get("v1", "ConfigMap", namespace: "shop", "a") != nil)
        await second.stop()
        await renderer.stop()
    }

    @Test func dependentAppWaitsUntilItsDependencyIsReady() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        let applier = try await ApplierHarness(
            cluster: cluster, renderer: renderer, apps: appYAML("infra") + "\n" + appYAML("shop", dependsOn: ["infra"]))
        renderer.publish(app: "shop", revision: "main@sha1:1", yaml: Bundles.join(Bundles.namespace("shop"), Bundles.configMap("a")))
        let waiting = await applier.waitFor("shop") { $0["error"]?.stringValue?.contains("waiting for dependencies: infra") == true }
        #expect(waiting?["phase"] == "Pending")
        #expect(await cluster.get("v1", "Namespace", "shop") == nil)

        renderer.publish(app: "infra", revision: "main@sha1:1", yaml: Bundles.join(Bundles.namespace("infra"), Bundles.deployment("db")))
        let shop = await applier.waitFor("shop") { $0["phase"] == "Ready" }
        let infra = await applier.status("infra")
        #expect(shop?["phase"] == "Ready")
        #expect(infra?["phase"] == "Ready")
        let infraReady = infra?["updatedAt"]?.stringValue ?? "", shopReady = shop?["updatedAt"]?.stringValue ?? ""
        #expect(infraReady <= shopReady)
        #expect(await cluster.get("v1", "ConfigMap", namespace: "shop", "a") != nil)
        await applier.stop()
        await renderer.stop()
    }

    @Test func newerBundleSupersedesAReconcileStuckWaitingForHealth() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        // timeout 10s: the stuck reconcile would hold the app that long if nothing superseded it.
        let applier = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: appYAML("shop"))
        let stuck = Bundles.deployment("web").replacingOccurrences(of: "nginx:1.27", with: "nginx:fail")
        renderer.publish(app: "shop", revision: "main@sha1:1", yaml: Bundles.join(Bundles.namespace("shop"), stuck))
        #expect(await applier.waitFor("shop") { $0["phase"] == "Progressing" && $0["revision"] == "main@sha1:1" } != nil)
        #expect(await eventually(5) { await cluster.get("apps/v1", "Deployment", namespace: "shop", "web") != nil })

        let started = ContinuousClock.now
        let fixed = renderer.publish(app: "shop", revision: "main@sha1:2", yaml: Bundles.join(Bundles.namespace("shop"), Bundles.deployment("web")))
        let ready = await applier.waitFor("shop", within: 8) { $0["phase"] == "Ready" && $0["bundle"] == .string(fixed.description) }
        #expect(ready?["phase"] == "Ready")
        #expect(ContinuousClock.now - started < .seconds(8), "the newer bundle waited for the old reconcile's health timeout")
        await applier.stop()
        await renderer.stop()
    }

    @Test func fullResyncRunsEveryIntervalWithoutWrites() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        let applier = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: appYAML("shop", interval: "1s"))
        renderer.publish(app: "shop", revision: "main@sha1:1", yaml: Bundles.join(Bundles.namespace("shop"), Bundles.configMap("a")))
        #expect(await applier.waitFor("shop") { $0["phase"] == "Ready" } != nil)
        // Only a reconcile reads objects one by one (the watches list), so more reads mean resyncs ran.
        let reads = try await cluster.requests(verb: "GET", resource: "configmaps")
        let applies = try await cluster.requests(verb: "APPLY")
        #expect(await eventually(10) { (try? await cluster.requests(verb: "GET", resource: "configmaps")).map { $0 >= reads + 4 } ?? false })
        #expect(try await cluster.requests(verb: "APPLY") == applies)
        await applier.stop()
        await renderer.stop()
    }

    @Test func dependencyOwnedByAnotherShardIsWaitedForThroughTheCluster() async throws {
        let candidates = ["infra", "shop", "db", "web", "cache", "api", "edge", "mail"]
        let dependency = try #require(candidates.first { Shard(index: 0, count: 2).owns($0) })
        let dependent = try #require(candidates.first { Shard(index: 1, count: 2).owns($0) })
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        let apps = appYAML(dependency) + "\n" + appYAML(dependent, dependsOn: [dependency])
        let first = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: apps, shard: Shard(index: 0, count: 2))
        let second = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: apps, shard: Shard(index: 1, count: 2))
        renderer.publish(app: dependent, revision: "main@sha1:1", yaml: Bundles.join(Bundles.namespace(dependent), Bundles.configMap("a")))
        let waiting = await second.waitFor(dependent) { $0["error"]?.stringValue?.contains("waiting for dependencies: \(dependency)") == true }
        #expect(waiting?["phase"] == "Pending")
        #expect(await first.status(dependent) == nil, "shard 0 must not own \(dependent)")
        #expect(await cluster.get("v1", "Namespace", dependent) == nil)

        renderer.publish(app: dependency, revision: "main@sha1:1", yaml: Bundles.join(Bundles.namespace(dependency), Bundles.deployment("db")))
        #expect(await first.waitFor(dependency) { $0["phase"] == "Ready" } != nil)
        #expect(await second.waitFor(dependent) { $0["phase"] == "Ready" }?["phase"] == "Ready")
        #expect(await cluster.get("v1", "ConfigMap", namespace: dependent, "a") != nil)
        await first.stop()
        await second.stop()
        await renderer.stop()
    }

    @Test func reconcileHeldBackByADependencyRunsOnceItIsReadyAgain() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        let applier = try await ApplierHarness(
            cluster: cluster, renderer: renderer, apps: appYAML("infra") + "\n" + appYAML("shop", dependsOn: ["infra"]))
        renderer.publish(app: "infra", revision: "main@sha1:1", yaml: Bundles.join(Bundles.namespace("infra"), Bundles.deployment("db")))
        renderer.publish(app: "shop", revision: "main@sha1:1", yaml: Bundles.join(Bundles.namespace("shop"), Bundles.configMap("a")))
        #expect(await applier.waitFor("shop") { $0["phase"] == "Ready" } != nil)

        let stuck = Bundles.deployment("db").replacingOccurrences(of: "nginx:1.27", with: "nginx:fail")
        renderer.publish(app: "infra", revision: "main@sha1:2", yaml: Bundles.join(Bundles.namespace("infra"), stuck))
        #expect(await applier.waitFor("infra") { $0["phase"] == "Progressing" && $0["revision"] == "main@sha1:2" } != nil)
        #expect(try await applier.client.trigger("shop") == ["triggered": "shop"])
        #expect(await applier.waitFor("shop") { $0["phase"] == "Pending" }?["error"]?.stringValue?.contains("infra") == true)

        renderer.publish(app: "infra", revision: "main@sha1:3", yaml: Bundles.join(Bundles.namespace("infra"), Bundles.deployment("db")))
        #expect(await applier.waitFor("shop", within: 8) { $0["phase"] == "Ready" }?["phase"] == "Ready")
        #expect(await applier.status("infra")?["revision"] == "main@sha1:3")
        await applier.stop()
        await renderer.stop()
    }
}
