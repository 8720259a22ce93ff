import CapstanCore
import Foundation
import Kube
import Testing

/// `capstan-applier apply` as a process against `capstan-kubesim`: create, update, no-op, prune, ownership.
@Suite struct OneShotApplyTests {
    let bundle = [Fixtures.namespace("shop"), Fixtures.deployment("web", namespace: nil), Fixtures.configMap("settings", namespace: nil)]

    func apply(_ cluster: EmulatedCluster, app: String = "shop", _ objects: [JSONValue], _ flags: [String] = []) async throws -> OneShotRun {
        try await OneShotRun.run("apply", app: app, objects, kubeconfig: cluster.kubeconfig, flags: ["--target-namespace", "shop"] + flags)
    }

    @Test func firstApplyUpdateAndNoOpWithZeroWrites() async throws {
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        let first = try await apply(cluster, bundle)
        #expect(first.status == 0, "\(first)")
        #expect(first.lines == ["namespace/shop created", "deployment.apps/web created", "configmap/settings created"])

        var changed = bundle
        changed[2] = Fixtures.configMap("settings", namespace: nil, data: "2")
        let update = try await apply(cluster, changed)
        #expect(update.lines == ["namespace/shop unchanged", "deployment.apps/web unchanged", "configmap/settings configured"], "\(update)")
        let live = try await cluster.kube().get(GroupVersionKind(group: "", version: "v1", kind: "ConfigMap"), namespace: "shop", name: "settings")
        #expect(live.value(at: ["data", "key"]) == "2")

        let writes = try await cluster.writes()
        let again = try await apply(cluster, changed)
        #expect(again.status == 0, "\(again)")
        #expect(again.lines == ["namespace/shop unchanged", "deployment.apps/web unchanged", "configmap/settings unchanged"])
        #expect(try await cluster.writes() == writes, "a re-apply of unchanged objects must send no write request")
    }

    @Test func manyObjectsOfOneKindAreReadWithOneListInsteadOfAGetEach() async throws {
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        let many = [Fixtures.namespace("shop")] + (0..<40).map { Fixtures.configMap("c\($0)", data: "\($0)") }
        let first = try await apply(cluster, many)
        #expect(first.status == 0, "\(first)")
        #expect(first.lines.filter { $0.hasSuffix(" created") }.count == 41)
        var changed = many
        changed[7] = Fixtures.configMap("c6", data: "changed")
        let (gets, writes) = (try await cluster.requests(verbs: ["GET"]), try await cluster.writes())
        let again = try await apply(cluster, changed)
        #expect(again.lines.filter { $0.hasSuffix(" unchanged") }.count == 40, "\(again)")
        #expect(again.lines[7] == "configmap/c6 configured")
        #expect(try await cluster.writes() - writes == 1)
        #expect(try await cluster.requests(verbs: ["GET"]) - gets < 10, "one LIST, not a GET per ConfigMap")
    }

    @Test func aRestartedApplierPrunesFromTheStoredInventory() async throws {
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        let withExtra = bundle + [Fixtures.configMap("old", namespace: nil)]
        #expect(try await apply(cluster, withExtra, ["--prune"]).status == 0)
        let inventory = try await cluster.kube().get(GroupVersionKind(group: "", version: "v1", kind: "ConfigMap"), namespace: "capstan-system", name: "capstan-inventory-shop")
        #expect(inventory.value(at: ["data", "objects"])?.stringValue?.contains("\"name\":\"old\"") == true)

        // A new process knows nothing but what the cluster stores.
        let second = try await apply(cluster, bundle, ["--prune"])
        #expect(second.status == 0, "\(second)")
        #expect(second.lines.last == "configmap/old pruned")
        await #expect(throws: KubeAPIError.self) {
            try await cluster.kube().get(GroupVersionKind(group: "", version: "v1", kind: "ConfigMap"), namespace: "shop", name: "old")
        }
    }

    @Test func noPruneAfterAPartialFailure() async throws {
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        #expect(try await apply(cluster, bundle, ["--prune"]).status == 0)

        // The server rejects a Deployment whose selector does not match its pod labels (422 Invalid).
        var broken = Fixtures.deployment("broken", namespace: nil)
        broken.setValue("other", at: ["spec", "selector", "matchLabels", "app"])
        let partial = try await apply(cluster, Array(bundle.prefix(2)) + [broken], ["--prune"])
        #expect(partial.status == 1, "\(partial)")
        #expect(partial.lines.contains { $0.hasPrefix("deployment.apps/broken failed") })
        #expect(partial.lines.last?.contains("1 object(s) rejected, nothing pruned") == true, "\(partial)")
        let kept = try await cluster.kube().get(GroupVersionKind(group: "", version: "v1", kind: "ConfigMap"), namespace: "shop", name: "settings")
        #expect(kept.value(at: ["data", "key"]) == "1")

        let fixed = try await apply(cluster, Array(bundle.prefix(2)), ["--prune"])
        #expect(fixed.status == 0, "\(fixed)")
        #expect(fixed.lines.last == "configmap/settings pruned")
    }

    @Test func anObjectAnotherAppClaimsIsRefusedNamingBothApps() async throws {
        let cluster = try await EmulatedCluster()
        defer { cluster.stop() }
        let shared = Fixtures.configMap("shared", namespace: nil)
        #expect(try await apply(cluster, app: "billing", [Fixtures.namespace("shop"), shared]).status == 0)
        let writes = try await cluster.writes()

        let refused = try await apply(cluster, app: "shop", [shared, Fixtures.configMap("mine", namespace: nil)])
        #expect(refused.status == 1, "\(refused)")
        let error = try #require(refused.lines.last)
        #expect(error.contains("ConfigMap/shop/shared") && error.contains("billing") && error.contains("shop"), "\(refused)")
        #expect(try await cluster.writes() == writes, "nothing is applied when ownership conflicts")
    }
}
