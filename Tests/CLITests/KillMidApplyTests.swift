import CapstanCore
import CapstanTesting
import Foundation
import Testing

/// SIGKILL in the middle of work: the applier dies while it applies commit B (some objects written,
/// others not, nothing pruned yet) and is started again; B converges, objects B keeps are never
/// deleted, the one B removes is deleted once, and no object is written more than B needs.
@Suite(.serialized) struct KillMidApplyTests {
    static let count = 60
    static func name(_ index: Int) -> String { "c\(index < 10 ? "0" : "")\(index)" }

    static func files(color: String, withGone: Bool) -> [String: String] {
        var files = ["apps/web/namespace.yaml": EndToEndTests.namespace]
        for index in 0..<count { files["apps/web/\(name(index)).yaml"] = EndToEndTests.configMap(name(index), color: color) }
        if withGone { files["apps/web/gone.yaml"] = EndToEndTests.configMap("gone", color: color) }
        return files
    }

    // This test found a hang (about 1 run in 10): the killed applier's watch connections closing
    // while the restarted one applied deadlocked kubesim (its store lock against the runtime's
    // task-status lock, see ObjectStore.retired), so the applier's requests were never answered
    // and the app sat in Progressing with no error. Both sides are fixed: kubesim no longer
    // deadlocks, and the daemon's API requests have a deadline (StalledRequestTests).
    @Test
    func applierKilledWhileApplyingRestartsAndFinishesWithoutStalePruneOrRepeatedWrites() async throws {
        try await Stack.with(files: Self.files(color: "blue", withGone: true), interval: "1s") { stack in
            let a = try stack.git.head()
            _ = try await stack.waitForApp("web", within: .seconds(30)) { KillRestartTests.isReady($0, at: a) }
            var uids: [String: JSONValue] = [:]
            for index in 0..<Self.count {
                uids[Self.name(index)] = try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/\(Self.name(index))")?["metadata"]?["uid"]
            }
            let before = try await stack.cluster.writeCounts()

            try stack.git.git("rm", "-q", "apps/web/gone.yaml")
            let b = try stack.git.commit("green, no gone", files: Self.files(color: "green", withGone: false))
            // Kill as soon as B's first writes land: the applier is mid-way through the bundle.
            let deadline = ContinuousClock.now + .seconds(20)
            var applied = 0
            while applied == 0, ContinuousClock.now < deadline {
                applied = try await stack.cluster.writeCounts().writes(since: before)["APPLY configmaps"] ?? 0
            }
            try await stack.processes.kill("applier")
            let atKill = try await stack.cluster.writeCounts().writes(since: before)
            try stack.processes.start("applier")

            let ready = try await stack.waitForApp("web", within: .seconds(30)) { KillRestartTests.isReady($0, at: b) }
            #expect(ready["objects"]?.intValue == Int64(Self.count + 1), "\(ready)")
            for index in 0..<Self.count {
                let object = try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/\(Self.name(index))")
                #expect(object?["data"]?["color"] == "green", "\(Self.name(index))")
                #expect(object?["metadata"]?["uid"] == uids[Self.name(index)], "\(Self.name(index)) was deleted and recreated\n\(stack.logs())")
            }
            #expect(try await stack.cluster.get("/api/v1/namespaces/shop/configmaps/gone") == Optional<JSONValue>.none)
            // B needs one apply per changed object, one per inventory record, one delete.
            let expected = ["APPLY configmaps": Self.count + 1, "DELETE configmaps": 1]
            let writes = try await stack.cluster.waitForWrites(since: before, toReach: expected)
            // Seen here: 6–12 of the 60 applies done at the kill. Not asserted, so a starved test
            // process that kills late cannot fail the run; the line says which case ran.
            print("KillMidApply: \(atKill["APPLY configmaps", default: 0]) of \(Self.count + 1) applies done at the kill; in all \(writes)")
            #expect(writes["DELETE configmaps"] == 1, "\(writes)\n\(stack.logs())")
            #expect(writes["APPLY configmaps", default: 0] <= Self.count + 2, "objects written twice: \(writes)\n\(stack.logs())")
        }
    }
}
