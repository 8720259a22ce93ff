import ApplierStage
import CapstanCore
import CapstanTesting
import Kube
import Testing

/// Every wait of the daemon on another process has a deadline and a retry that keeps the last good state.
@Suite struct StalledRequestTests {
    /// The kill-mid-apply hang: after a restart the API server accepted some applies and never
    /// answered them; the app stayed Progressing with no error. A stalled request must be abandoned
    /// and retried on a fresh connection.
    @Test func apiRequestThatIsNeverAnsweredIsAbandonedAndRetried() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        var options = ApplierService.daemonKubeOptions
        options.timeouts.total = .seconds(1)
        let apps = appYAML("shop", wait: false) + "\n    serviceAccount: shop/deployer\n"
        let applier = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: apps, kubeOptions: options)
        renderer.publish(app: "shop", revision: "main@sha1:1", yaml: Bundles.join(Bundles.namespace("shop"), Bundles.configMap("a")))
        #expect(await applier.waitFor("shop") { $0["phase"] == "Ready" } != nil)

        // From now on the emulator takes every request in and answers none of them (for an hour).
        let before = try await received(cluster)
        _ = try await LoopbackHTTP.request("POST", port: cluster.port, path: "/_sim/faults", body: #"{"latency": "1h"}"#)
        let v2 = renderer.publish(app: "shop", revision: "main@sha1:2", yaml: Bundles.join(Bundles.namespace("shop"), Bundles.configMap("a", data: "2")))
        // The impersonation log counts a request when it arrives, before the stall: one is now stuck.
        #expect(await eventually(10) { ((try? await received(cluster)) ?? 0) > before })
        _ = try await LoopbackHTTP.request("DELETE", port: cluster.port, path: "/_sim/faults")

        // Without a deadline the stuck request holds the reconcile for the client's default minute.
        let done = await applier.waitFor("shop", within: 8) { $0["phase"] == "Ready" && $0["bundle"] == .string(v2.description) }
        #expect(done?["phase"] == "Ready", "\(String(describing: done))")
        #expect(await cluster.get("v1", "ConfigMap", namespace: "shop", "a")?.value(at: ["data", "key"]) == "2")
        await applier.stop()
        await renderer.stop()
    }

    /// Requests the emulator has received as the app's service account (counted on arrival).
    func received(_ cluster: SimCluster) async throws -> Int {
        let body = try await LoopbackHTTP.get(port: cluster.port, path: "/_sim/impersonation").body
        return Int(try JSONValue.parse(Array(body.utf8))["system:serviceaccount:shop:deployer"]?.intValue ?? 0)
    }
}
