import CapstanCore
import Kube
import Testing

@Suite struct WatchTests {
    @Test func listsThenStreamsChanges() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let kube = client(for: server)
        _ = try await kube.apply(configMap("before", namespace: "shop"))
        var events = try await kube.watch(configMapKind, namespace: "shop").makeAsyncIterator()
        guard case .relisted(let items, _) = try await events.next() else { Issue.record("no list first"); return }
        #expect(items.map { $0.value(at: ["metadata", "name"]) } == ["before"])
        _ = try await kube.apply(configMap("after", namespace: "shop"))
        _ = try await kube.apply(configMap("before", namespace: "shop", data: ["k": "changed"]))
        guard case .added(let added) = try await events.next() else { Issue.record("no ADDED"); return }
        #expect(added.value(at: ["metadata", "name"]) == "after")
        guard case .modified(let modified) = try await events.next() else { Issue.record("no MODIFIED"); return }
        #expect(modified["data"] == ["k": "changed"])
        #expect(modified["kind"] == "ConfigMap")
    }

    @Test func resumesFromLastVersionAfterTheServerClosesTheStream() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let kube = client(for: server)
        var events = try await kube.watch(configMapKind, namespace: "shop").makeAsyncIterator()
        _ = try await events.next()
        _ = try await kube.apply(configMap("one", namespace: "shop"))
        _ = try await events.next()
        // The fake server ends each watch after 1 s (timeoutSeconds); the next event needs a re-watch.
        try await Task.sleep(for: .milliseconds(1200))
        _ = try await kube.apply(configMap("two", namespace: "shop"))
        guard case .added(let two) = try await events.next() else { Issue.record("no ADDED after re-watch"); return }
        #expect(two.value(at: ["metadata", "name"]) == "two")
        let watches = try await server.requests().compactMap { $0["path"]?.stringValue }.filter { $0.contains("watch=true") }
        #expect(watches.count >= 2)
    }

    @Test func relistsWhenTheResourceVersionIsGone() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let kube = client(for: server)
        _ = try await kube.apply(configMap("old", namespace: "shop"))
        _ = try await kube.apply(configMap("newer", namespace: "shop"))
        try await server.control("/_compact")
        var events = try await kube.watch(configMapKind, namespace: "shop", resourceVersion: "101").makeAsyncIterator()
        guard case .relisted(let items, let version) = try await events.next() else { Issue.record("no re-list on 410"); return }
        #expect(items.count == 2)
        #expect(version == "102")
    }

    @Test func watchRequestCarriesBookmarksAndTimeout() async throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let kube = client(for: server).impersonating(.serviceAccount(namespace: "shop", name: "app"))
        var events = try await kube.watch(configMapKind, namespace: "shop", labelSelector: "app=web", resourceVersion: "100").makeAsyncIterator()
        _ = try await kube.apply(configMap("x", namespace: "shop", labels: ["app": "web"]))
        _ = try await events.next()
        let watch = try #require(try await server.requests().first { $0["path"]?.stringValue?.contains("watch=true") == true })
        #expect(watch["path"] == "/api/v1/namespaces/shop/configmaps?watch=true&resourceVersion=100&allowWatchBookmarks=true&timeoutSeconds=1&labelSelector=app%3Dweb")
        #expect(watch.value(at: ["headers", "impersonate-user"]) == "system:serviceaccount:shop:app")
    }
}
