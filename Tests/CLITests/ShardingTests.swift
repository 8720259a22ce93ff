import CapstanCore
import CapstanTesting
import Foundation
import Testing

/// Two instances of each stage share one config's sources and apps by name hash: every app gets
/// Ready, and exactly one instance of each stage reports it.
@Suite(.serialized) struct ShardingTests {
    // FNV-1a parity puts `site`, `mail`, `news` on shard 0 and `infra`, `shop`, `cart` on shard 1.
    static let apps = ["mail": "site", "shop": "site", "news": "infra", "cart": "infra"]

    static var files: [String: String] {
        var files: [String: String] = [:]
        for app in apps.keys {
            files["apps/\(app)/namespace.yaml"] = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: \(app)\n"
            files["apps/\(app)/config.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(app)-config\ndata:\n  app: \(app)\n"
        }
        return files
    }

    @Test func twoShardsOfEachStageShareFourAppsEachHandledByExactlyOneInstancePerStage() async throws {
        try await ShardedStack.with(files: Self.files, sources: ["site", "infra"], apps: Self.apps) { stack in
            let head = try stack.git.head()
            let apps = try await stack.waitForApps { apps in
                Self.apps.keys.allSatisfy { name in
                    apps.contains { $0["app"]?.stringValue == name && $0["phase"] == "Ready" && $0["revision"]?.stringValue?.contains(String(head.prefix(7))) == true }
                }
            }
            #expect(apps.count == 4, "\(apps)")
            for app in Self.apps.keys {
                #expect(try await stack.cluster.get("/api/v1/namespaces/\(app)/configmaps/\(app)-config")?["data"]?["app"] == .string(app))
            }

            var renderers: [String: [Int]] = [:], appliers: [String: [Int]] = [:], fetchers: [String: [Int]] = [:]
            for index in 0..<2 {
                let status = try await stack.capstan(["status", "-o", "json"], instance: index)
                for entry in (try JSONValue.parse(status.stdout))["apps"]?.arrayValue ?? [] {
                    guard let name = entry["app"]?.stringValue else { continue }
                    if entry["renderer"] != nil { renderers[name, default: []].append(index) }
                    if entry["applier"] != nil { appliers[name, default: []].append(index) }
                }
                let revisions = try await stack.capstan(["revisions", "-o", "json"], instance: index)
                for entry in (try JSONValue.parse(revisions.stdout))["sources"]?.arrayValue ?? [] {
                    if let name = entry["name"]?.stringValue ?? entry["source"]?.stringValue { fetchers[name, default: []].append(index) }
                }
            }
            for (app, source) in Self.apps {
                let owner = Shard(index: 0, count: 2).owns(app) ? 0 : 1
                #expect(renderers[app] == [owner], "renderers reporting \(app): \(renderers)")
                #expect(appliers[app] == [owner], "appliers reporting \(app): \(appliers)")
                let sourceOwner = Shard(index: 0, count: 2).owns(source) ? 0 : 1
                #expect(fetchers[source] == [sourceOwner], "fetchers reporting \(source): \(fetchers)")
            }
        }
    }

    @Test func killedShardsRestartAndEveryAppConvergesOnTheNextCommitWrittenOnce() async throws {
        // A short poll interval: the surviving fetcher finds B itself.
        try await ShardedStack.with(files: Self.files, sources: ["site", "infra"], apps: Self.apps, interval: "1s") { stack in
            let a = try stack.git.head()
            _ = try await stack.waitForApps { apps in Self.apps.keys.allSatisfy { name in apps.contains { Self.isReady($0, name, at: a) } } }
            let before = try await stack.cluster.writeCounts()

            // One instance of each stage, from different shards, dies; B changes every app.
            for name in ["fetcher-0", "renderer-1", "applier-0"] { try await stack.processes.kill(name) }
            var changed: [String: String] = [:]
            for app in Self.apps.keys { changed["apps/\(app)/config.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(app)-config\ndata:\n  app: \(app)\n  commit: b\n" }
            let b = try stack.git.commit("b", files: changed)
            for name in ["applier-0", "renderer-1", "fetcher-0"] { try stack.processes.start(name) }

            _ = try await stack.waitForApps { apps in Self.apps.keys.allSatisfy { name in apps.contains { Self.isReady($0, name, at: b) } } }
            for app in Self.apps.keys {
                #expect(try await stack.cluster.get("/api/v1/namespaces/\(app)/configmaps/\(app)-config")?["data"]?["commit"] == "b")
            }
            // Per app: its changed ConfigMap, once (the inventory's object list is unchanged, so not rewritten).
            let expected = ["APPLY configmaps": Self.apps.count]
            let writes = try await stack.cluster.waitForWrites(since: before, toReach: expected)
            #expect(writes == expected, "\(writes)\n\(stack.logs())")
        }
    }

    static func isReady(_ entry: JSONValue, _ app: String, at commit: String) -> Bool {
        entry["app"]?.stringValue == app && entry["phase"] == "Ready" && entry["revision"]?.stringValue?.contains(String(commit.prefix(7))) == true
    }
}
