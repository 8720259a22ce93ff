import CapstanCore
import CapstanTesting
import Testing

/// `serviceAccount: <namespace>/<name>`: the daemon acts on the app's objects as that account, so
/// RBAC limits what the app can touch; an app without one uses the applier's own identity.
@Suite struct ImpersonationTests {
    @Test func appWithServiceAccountImpersonatesItForEveryWrite() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        let apps = appYAML("shop") + "\n    serviceAccount: shop/deployer\n" + appYAML("plain")
        let applier = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: apps)
        let shop = renderer.publish(app: "shop", revision: "main@sha1:1", yaml: Bundles.join(
            Bundles.namespace("shop"), Bundles.configMap("a"), Bundles.configMap("b")))
        #expect(await applier.waitFor("shop") { $0["phase"] == "Ready" && $0["bundle"] == .string(shop.description) } != nil)
        let shopWrites = try await cluster.requests(verb: "APPLY")

        let plain = renderer.publish(app: "plain", revision: "main@sha1:1", yaml: Bundles.join(Bundles.namespace("plain"), Bundles.configMap("c")))
        #expect(await applier.waitFor("plain") { $0["phase"] == "Ready" && $0["bundle"] == .string(plain.description) } != nil)

        let users = try await impersonated(cluster)
        // Only one identity was ever impersonated: the plain app's requests went out as the applier.
        #expect(Array(users.keys) == ["system:serviceaccount:shop:deployer"], "\(users)")
        // Every write for shop (its objects and its inventory record) was among the impersonated requests.
        #expect(shopWrites >= 4)
        #expect((users["system:serviceaccount:shop:deployer"] ?? 0) >= shopWrites, "\(users), \(shopWrites) writes")
        await applier.stop()
        await renderer.stop()
    }

    /// kubesim's count of requests per impersonated user.
    func impersonated(_ cluster: SimCluster) async throws -> [String: Int] {
        let body = try await LoopbackHTTP.get(port: cluster.port, path: "/_sim/impersonation").body
        guard case .object(let users) = try JSONValue.parse(Array(body.utf8)) else { return [:] }
        return users.compactMapValues { $0.intValue.map(Int.init) }
    }
}
