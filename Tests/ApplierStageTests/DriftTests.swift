import CapstanCore
import CapstanTesting
import Foundation
import Kube
import Testing

/// Out-of-band changes to what Capstan applied: reverted and counted, or only reported while suspended.
@Suite struct DriftTests {
    static let bundle = Bundles.join(Bundles.namespace("shop"), Bundles.deployment("web", replicas: 2), Bundles.configMap("a"))

    func replicas(_ cluster: SimCluster) async -> Int64? {
        await cluster.get("apps/v1", "Deployment", namespace: "shop", "web")?.value(at: ["spec", "replicas"])?.intValue
    }

    func key(_ cluster: SimCluster) async -> String? {
        await cluster.get("v1", "ConfigMap", namespace: "shop", "a")?.value(at: ["data", "key"])?.stringValue
    }

    /// Another field manager's forced write of `data.key`: an edit of a field Capstan applied.
    func tamper(_ cluster: SimCluster) async throws {
        let edit: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "a", "namespace": "shop"], "data": ["key": "tampered"]]
        _ = try await cluster.kube.apply(edit, options: ApplyOptions(fieldManager: "intruder", force: true))
    }

    @Test func driftByScaleEditAndDeleteIsRevertedWithinTwoSecondsAndCounted() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        let applier = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: appYAML("shop"))
        renderer.publish(app: "shop", revision: "main@sha1:1", yaml: Self.bundle)
        #expect(await applier.waitFor("shop") { $0["phase"] == "Ready" } != nil)

        #expect(try await cluster.change("scale", "Deployment", "web", namespace: "shop", "--replicas=5"))
        #expect(await eventually(2) { await replicas(cluster) == 2 }, "scale was not reverted within 2 s")

        try await tamper(cluster)
        #expect(await eventually(2) { await key(cluster) == "1" }, "edit was not reverted within 2 s")

        #expect(try await cluster.change("delete", "ConfigMap", "a", namespace: "shop"))
        #expect(await eventually(2) { await key(cluster) == "1" }, "delete was not reverted within 2 s")

        let status = await applier.waitFor("shop") { $0["driftCorrections"] == 3 }
        #expect(status?["driftCorrections"] == 3)
        await applier.stop()
        await renderer.stop()
    }

    @Test func driftIsStillHealedAfterTheServerKeepsClosingWatches() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        // Every watch the applier opens is closed by the server after 100 ms.
        _ = try await LoopbackHTTP.request("POST", port: cluster.port, path: "/_sim/faults", body: #"{"watch-close": "100ms"}"#)
        let applier = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: appYAML("shop"))
        renderer.publish(app: "shop", revision: "main@sha1:1", yaml: Self.bundle)
        #expect(await applier.waitFor("shop") { $0["phase"] == "Ready" } != nil)
        // Let the watches be closed and resumed from their resourceVersion a few times.
        let opened = try await cluster.watchRequests()
        #expect(await eventually(5) { (try? await cluster.watchRequests()).map { $0 >= opened + 6 } ?? false })
        for round in 1...3 {
            try await tamper(cluster)
            #expect(await eventually(2) { await key(cluster) == "1" }, "round \(round): edit was not reverted within 2 s")
            #expect(try await cluster.change("scale", "Deployment", "web", namespace: "shop", "--replicas=4"))
            #expect(await eventually(2) { await replicas(cluster) == 2 }, "round \(round): scale was not reverted within 2 s")
        }
        #expect(await applier.waitFor("shop") { $0["driftCorrections"] == 6 }?["driftCorrections"] == 6)
        await applier.stop()
        await renderer.stop()
    }

    @Test func fieldsCapstanDoesNotSetAreLeftAlone() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        let applier = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: appYAML("shop"))
        // `auto` leaves replicas to an autoscaler: the bundle does not set them.
        let auto = Bundles.deployment("auto").replacingOccurrences(of: "  replicas: 2\n", with: "")
        renderer.publish(app: "shop", revision: "main@sha1:1", yaml: Bundles.join(Self.bundle, auto))
        #expect(await applier.waitFor("shop") { $0["phase"] == "Ready" } != nil)

        #expect(try await cluster.change("label", "ConfigMap", "a", namespace: "shop", "team=payments"))
        #expect(try await cluster.change("annotate", "Deployment", "web", namespace: "shop", "owner=ops"))
        #expect(try await cluster.change("scale", "Deployment", "auto", namespace: "shop", "--replicas=3"))
        // A later real drift is healed, and a TRIGGER re-applies everything; the foreign fields survive both.
        try await tamper(cluster)
        #expect(await eventually(2) { await key(cluster) == "1" })
        #expect(try await applier.client.trigger("shop") == ["triggered": "shop"])
        #expect(await applier.waitFor("shop") { $0["phase"] == "Ready" && $0["actions"]?["unchanged"] == 4 } != nil)
        let map = await cluster.get("v1", "ConfigMap", namespace: "shop", "a")
        let web = await cluster.get("apps/v1", "Deployment", namespace: "shop", "web")
        let scaled = await cluster.get("apps/v1", "Deployment", namespace: "shop", "auto")
        #expect(map?.value(at: ["metadata", "labels", "team"]) == "payments")
        #expect(web?.value(at: ["metadata", "annotations", "owner"]) == "ops")
        #expect(scaled?.value(at: ["spec", "replicas"]) == 3)
        #expect(await applier.status("shop")?["driftCorrections"] == 1)
        await applier.stop()
        await renderer.stop()
    }

    @Test func suspendedAppReportsDriftKeepsItAcrossARestartAndResumeReverts() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        let first = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: appYAML("shop"))
        renderer.publish(app: "shop", revision: "main@sha1:1", yaml: Self.bundle)
        #expect(await first.waitFor("shop") { $0["phase"] == "Ready" } != nil)

        #expect(try await first.client.perform("SUSPEND", name: "shop") == ["app": "shop", "suspended": true])
        #expect(await first.waitFor("shop") { $0["phase"] == "Suspended" }?["suspended"] == true)
        #expect(try await cluster.change("scale", "Deployment", "web", namespace: "shop", "--replicas=5"))
        let reported = await first.waitFor("shop") { $0["drifted"] == ["Deployment/shop/web"] }
        #expect(reported?["drifted"] == ["Deployment/shop/web"])
        #expect(await replicas(cluster) == 5)
        #expect(reported?["driftCorrections"] == 0)

        // A new bundle while suspended changes nothing, even after a restart.
        let v2 = renderer.publish(app: "shop", revision: "main@sha1:2", yaml: Self.bundle.replacingOccurrences(of: "key: \"1\"", with: "key: \"2\""))
        await first.stop()
        let second = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: appYAML("shop"))
        // Measured against the newest bundle after a restart: what RESUME would change.
        let restored = await second.waitFor("shop") { $0["phase"] == "Suspended" && $0["drifted"] == ["ConfigMap/shop/a", "Deployment/shop/web"] }
        #expect(restored?["drifted"] == ["ConfigMap/shop/a", "Deployment/shop/web"])
        #expect(restored?["suspended"] == true)
        #expect(await key(cluster) == "1")
        #expect(await replicas(cluster) == 5)

        #expect(try await second.client.perform("RESUME", name: "shop") == ["app": "shop", "suspended": false])
        let resumed = await second.waitFor("shop") { $0["phase"] == "Ready" && $0["bundle"] == .string(v2.description) }
        #expect(resumed?["suspended"] == false)
        #expect(await replicas(cluster) == 2)
        #expect(await key(cluster) == "2")
        await second.stop()
        await renderer.stop()
    }
}
