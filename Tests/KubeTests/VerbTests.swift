import CapstanCore
import Kube
import Testing

@Suite struct VerbTests {
    @Test func serverSideApplyCreatesThenConfigures() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let kube = client(for: server)
        let first = try await kube.apply(configMap("web"))
        #expect(first.created)
        let second = try await kube.apply(configMap("web", data: ["k": "w"]))
        #expect(!second.created)
        #expect(try await kube.get(configMapKind, namespace: "default", name: "web")["data"] == ["k": "w"])
        let patch = try #require(try await server.requests().first { $0["method"] == "PATCH" })
        #expect(patch["path"] == "/api/v1/namespaces/default/configmaps/web?fieldManager=capstan&force=true")
        #expect(patch.value(at: ["headers", "content-type"]) == "application/apply-patch+yaml")
        #expect(patch["body"]?.stringValue == configMap("web").serialized())
    }

    @Test func dryRunPersistsNothing() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let kube = client(for: server)
        let result = try await kube.apply(configMap("dry"), options: ApplyOptions(dryRun: true))
        #expect(result.created)
        await #expect(throws: KubeAPIError.self) { try await kube.get(configMapKind, namespace: "default", name: "dry") }
        let patch = try #require(try await server.requests().first { $0["method"] == "PATCH" })
        #expect(patch["path"]?.stringValue?.hasSuffix("&dryRun=All") == true)
    }

    @Test func listFollowsContinueTokensAndFiltersByLabel() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let kube = client(for: server)
        for index in 0..<5 {
            _ = try await kube.apply(configMap("cm\(index)", namespace: "shop", labels: ["tier": index % 2 == 0 ? "even" : "odd"]))
        }
        let all = try await kube.list(configMapKind, namespace: "shop", pageSize: 2)
        #expect(all.items.count == 5)
        #expect(all.items.allSatisfy { $0["kind"] == "ConfigMap" && $0["apiVersion"] == "v1" })
        let even = try await kube.list(configMapKind, namespace: "shop", labelSelector: "tier=even")
        #expect(even.items.count == 3)
        let paths = try await server.requests().compactMap { $0["path"]?.stringValue }.filter { $0.hasPrefix("/api/v1/namespaces/shop/configmaps?") }
        #expect(paths.count == 4)
        #expect(paths.last == "/api/v1/namespaces/shop/configmaps?limit=500&labelSelector=tier%3Deven")
    }

    @Test func deleteSendsPropagationPolicy() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let kube = client(for: server)
        _ = try await kube.apply(configMap("gone"))
        try await kube.delete(configMapKind, namespace: "default", name: "gone", propagationPolicy: .foreground)
        let delete = try #require(try await server.requests().first { $0["method"] == "DELETE" })
        #expect(try JSONValue.parse(delete["body"]?.stringValue ?? "")["propagationPolicy"] == "Foreground")
        await #expect { try await kube.delete(configMapKind, name: "gone") } throws: { ($0 as? KubeAPIError)?.isNotFound == true }
    }

    @Test func objectWithoutNameIsRefusedBeforeAnyRequest() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        await #expect { try await client(for: server).apply(["apiVersion": "v1", "kind": "ConfigMap"]) } throws: { error in
            "\(error)" == "invalid object: an applied object needs apiVersion, kind and metadata.name"
        }
        #expect(try await server.requests().isEmpty)
    }
}
