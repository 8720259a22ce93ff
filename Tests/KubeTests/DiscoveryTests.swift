import CapstanCore
import Kube
import Testing

@Suite struct DiscoveryTests {
    @Test(arguments: [false, true])
    func mapsKindsToResourcesFromEitherDiscoveryForm(legacy: Bool) async throws {
        let server = try FakeAPIServer(legacy ? ["--legacy-discovery"] : [])
        defer { server.stop() }
        let kube = client(for: server)
        let deployments = try await kube.mapping(for: deploymentKind)
        #expect(deployments.resource == "deployments" && deployments.namespaced)
        let namespaces = try await kube.mapping(for: GroupVersionKind(apiVersion: "v1", kind: "Namespace"))
        #expect(namespaces.resource == "namespaces" && !namespaces.namespaced)
        #expect(namespaces.objectPath(namespace: "ignored", name: "shop") == "/api/v1/namespaces/shop")
        #expect(deployments.objectPath(namespace: "shop", name: "web") == "/apis/apps/v1/namespaces/shop/deployments/web")
        let paths = try await server.requests().compactMap { $0["path"]?.stringValue }
        #expect(paths.filter { $0 == "/api" || $0 == "/apis" }.count == 2)
        #expect(paths.contains("/apis/apps/v1") == legacy)
    }

    @Test func refreshesDiscoveryForAKindACRDJustAdded() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let kube = client(for: server)
        let widget = GroupVersionKind(group: "example.com", version: "v1", kind: "Widget")
        _ = try await kube.mapping(for: configMapKind)
        try await server.control("/_resources", ["group": "example.com", "version": "v1", "kind": "Widget", "resource": "widgets", "namespaced": true])
        #expect(try await kube.mapping(for: widget).resource == "widgets")
        await #expect { try await kube.mapping(for: GroupVersionKind(group: "example.com", version: "v1", kind: "Gadget")) } throws: { error in
            "\(error)" == "no resource of kind Gadget.example.com/v1 is served by the cluster (is its CRD installed and established?)"
        }
    }
}
