import CapstanCore
import CapstanTesting
import Testing

/// What the daemon does when the server refuses objects or cannot be reached.
@Suite struct FailureTests {
    @Test func rejectedObjectIsListedOthersAppliedAndNothingPruned() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        let applier = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: appYAML("shop", wait: false))
        renderer.publish(app: "shop", revision: "main@sha1:1", yaml: Bundles.join(Bundles.namespace("shop"), Bundles.configMap("a"), Bundles.configMap("b")))
        #expect(await applier.waitFor("shop") { $0["phase"] == "Ready" } != nil)

        let broken = Bundles.deployment("bad").replacingOccurrences(of: "      labels:\n        app: bad", with: "      labels:\n        app: other")
        renderer.publish(app: "shop", revision: "main@sha1:2", yaml: Bundles.join(Bundles.namespace("shop"), Bundles.configMap("a", data: "2"), broken))
        let failed = await applier.waitFor("shop") { $0["phase"] == "Failed" }
        #expect(failed?["revision"] == "main@sha1:2")
        let rejected = failed?["rejected"]?.arrayValue ?? []
        #expect(rejected.count == 1)
        #expect(rejected.first?["object"] == "Deployment/shop/bad")
        #expect(rejected.first?["message"]?.stringValue?.contains("`selector` does not match template `labels`") == true)
        #expect(await cluster.get("v1", "ConfigMap", namespace: "shop", "a")?.value(at: ["data", "key"]) == "2")
        #expect(await cluster.get("v1", "ConfigMap", namespace: "shop", "b") != nil, "nothing may be pruned after a rejection")
        await applier.stop()
        await renderer.stop()
    }

    @Test func unreachableAPIKeepsTheLastStatusAndRetriesUntilItIsBack() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        let applier = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: appYAML("shop", wait: false))
        renderer.publish(app: "shop", revision: "main@sha1:1", yaml: Bundles.join(Bundles.namespace("shop"), Bundles.configMap("a"), Bundles.configMap("b")))
        #expect(await applier.waitFor("shop") { $0["phase"] == "Ready" } != nil)

        _ = try await LoopbackHTTP.request("POST", port: cluster.port, path: "/_sim/faults", body: #"{"503": 1}"#)
        let v2 = renderer.publish(app: "shop", revision: "main@sha1:2", yaml: Bundles.join(Bundles.namespace("shop"), Bundles.configMap("a", data: "2")))
        let kept = await applier.waitFor("shop", within: 30) { $0["error"]?.stringValue?.contains("unreachable") == true }
        #expect(kept?["phase"] == "Ready")
        #expect(kept?["revision"] == "main@sha1:1")

        _ = try await LoopbackHTTP.request("DELETE", port: cluster.port, path: "/_sim/faults")
        let recovered = await applier.waitFor("shop", within: 30) { $0["phase"] == "Ready" && $0["bundle"] == .string(v2.description) }
        #expect(recovered?["error"] == nil)
        #expect(recovered?.value(at: ["actions", "pruned"]) == 1)
        #expect(await cluster.get("v1", "ConfigMap", namespace: "shop", "b") == nil)
        await applier.stop()
        await renderer.stop()
    }
}
