import CapstanCore
import CapstanTesting
import FetcherTesting
import Foundation
import Testing

/// SIGKILL at rest: with the stack converged on commit A, stages are killed, commit B is pushed while
/// they are down, and they are started again (in another order when all three die). The cluster must
/// reach B with no manual step, writing only what B changes and never pruning from a stale view.
@Suite(.serialized) struct KillRestartTests {
    static let filesA = [
        "apps/web/namespace.yaml": EndToEndTests.namespace,
        "apps/web/keep.yaml": EndToEndTests.configMap("keep", color: "grey"),
        "apps/web/web.yaml": EndToEndTests.configMap("web", color: "blue"),
        "apps/web/extra.yaml": EndToEndTests.configMap("extra", color: "red"),
    ]

    /// Instances to kill, and the order to start them again.
    static let scenarios: [(killed: [String], restartOrder: [String])] = [
        ([], []),
        (["fetcher"], ["fetcher"]),
        (["renderer"], ["renderer"]),
        (["applier"], ["applier"]),
        (["fetcher", "renderer", "applier"], ["applier", "fetcher", "renderer"]),
        (["applier", "renderer", "fetcher"], ["renderer", "applier", "fetcher"]),
    ]

    @Test(arguments: 0..<scenarios.count)
    func killedStagesRestartAndConvergeOnTheCommitPushedWhileDownWritingOnlyWhatChanged(_ scenario: Int) async throws {
        let (killed, restartOrder) = Self.scenarios[scenario]
        // A short poll interval: with only the renderer or applier down, the fetcher finds B itself.
        try await Stack.with(files: Self.filesA, interval: "1s") { stack in
            let a = try stack.git.head()
            _ = try await stack.waitForApp("web", within: .seconds(30)) { Self.isReady($0, at: a) }
            let keep = try #require(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/keep"))
            let namespace = try #require(try await stack.cluster.get("/api/v1/namespaces/shop"))
            let before = try await stack.cluster.writeCounts()

            for name in killed { try await stack.processes.kill(name) }
            try stack.git.git("rm", "-q", "apps/web/extra.yaml")
            let b = try stack.git.commit("green, no extra", files: ["apps/web/web.yaml": EndToEndTests.configMap("web", color: "green")])
            for name in restartOrder { try stack.processes.start(name) }

            let ready = try await stack.waitForApp("web", within: .seconds(30)) { Self.isReady($0, at: b) }
            #expect(ready["objects"]?.intValue == 3, "\(ready)")
            #expect(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/web")?["data"]?["color"] == "green")
            #expect(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/extra") == Optional<JSONValue>.none)
            // Present in A and B: never deleted (same uid) and not rewritten (same resourceVersion).
            let keepAfter = try #require(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/keep"))
            #expect(keepAfter["metadata"]?["uid"] == keep["metadata"]?["uid"], "keep was deleted and recreated\n\(stack.logs())")
            #expect(keepAfter["metadata"]?["resourceVersion"] == keep["metadata"]?["resourceVersion"], "keep was rewritten\n\(stack.logs())")
            let namespaceAfter = try #require(try await stack.cluster.get("/api/v1/namespaces/shop"))
            #expect(namespaceAfter["metadata"]?["uid"] == namespace["metadata"]?["uid"])

            // What B needs, as a run with nothing killed shows: one apply for web, one for the
            // inventory record, one delete for extra; keep and the namespace are unchanged, not re-sent.
            let expected = ["APPLY configmaps": 2, "DELETE configmaps": 1]
            let writes = try await stack.cluster.waitForWrites(since: before, toReach: expected)
            #expect(writes == expected, "writes for B after killing \(killed): \(writes)\n\(stack.logs())")
        }
    }

    @Test func anApplierRestartedWithItsRendererDownWritesNothingUntilTheRendererIsBack() async throws {
        try await Stack.with(files: Self.filesA, interval: "1s") { stack in
            let a = try stack.git.head()
            _ = try await stack.waitForApp("web", within: .seconds(30)) { Self.isReady($0, at: a) }
            let keep = try #require(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/keep"))
            let before = try await stack.cluster.writeCounts()

            try await stack.processes.kill("renderer")
            try await stack.processes.kill("applier")
            try stack.git.git("rm", "-q", "apps/web/extra.yaml")
            let b = try stack.git.commit("green, no extra", files: ["apps/web/web.yaml": EndToEndTests.configMap("web", color: "green")])
            try stack.processes.start("applier")
            // Up, answering, and knowing the app — but with no bundle to go on it must not act.
            let waiting = try await stack.waitForApp("web", within: .seconds(20)) { $0["applier"] != nil }
            #expect(waiting["phase"] != "Failed", "\(waiting)")
            let meanwhile = try await stack.cluster.writeCounts().writes(since: before)
            #expect(meanwhile.isEmpty, "the applier wrote without a bundle: \(meanwhile)\n\(stack.logs())")
            #expect(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/extra") != nil, "pruned from no view at all")

            try stack.processes.start("renderer")
            _ = try await stack.waitForApp("web", within: .seconds(30)) { Self.isReady($0, at: b) }
            #expect(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/keep")?["metadata"]?["uid"] == keep["metadata"]?["uid"])
            #expect(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/extra") == Optional<JSONValue>.none)
            let expected = ["APPLY configmaps": 2, "DELETE configmaps": 1]
            let writes = try await stack.cluster.waitForWrites(since: before, toReach: expected)
            #expect(writes == expected, "\(writes)\n\(stack.logs())")
        }
    }

    static func isReady(_ entry: JSONValue, at commit: String) -> Bool {
        entry["phase"]?.stringValue == "Ready" && entry["revision"]?.stringValue?.contains(String(commit.prefix(7))) == true
    }
}
