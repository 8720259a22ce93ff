import CapstanCore
import CapstanTesting
import FetcherTesting
import Foundation
import Messaging
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

    @Test func withShardsInTheConfigTheCLIShowsEveryAppAndReachesEachOwnerWithoutEndpointOptions() async throws {
        try await ShardedStack.with(files: Self.files, sources: ["site", "infra"], apps: Self.apps) { stack in
            let head = try stack.git.head()
            _ = try await stack.waitForApps { apps in Self.apps.keys.allSatisfy { name in apps.contains { Self.isReady($0, name, at: head) } } }

            let status = try await stack.capstanWithShardsConfig(["status", "-o", "json"])
            #expect(status.status == 0, "\(status.stderr)")
            let apps = (try JSONValue.parse(status.stdout))["apps"]?.arrayValue ?? []
            for app in Self.apps.keys {
                let entry = apps.first { $0["app"]?.stringValue == app }
                #expect(entry?["phase"] == "Ready" && entry?["renderer"] != nil && entry?["applier"] != nil, "\(app): \(status.stdout)")
            }
            let revisions = try await stack.capstanWithShardsConfig(["revisions", "-o", "json"])
            #expect((try JSONValue.parse(revisions.stdout))["sources"]?.arrayValue?.count == 2, "\(revisions.stdout)")

            // `mail` belongs to shard 0 of every stage, `shop` to shard 1 (its source `site` to fetcher 0).
            for app in ["mail", "shop"] {
                let suspended = try await stack.capstanWithShardsConfig(["suspend", app])
                #expect(suspended.status == 0 && suspended.stdout == "\(app): suspended\n", "\(suspended.stderr)")
                let resumed = try await stack.capstanWithShardsConfig(["resume", app])
                #expect(resumed.status == 0, "\(resumed.stderr)")
                let reconciled = try await stack.capstanWithShardsConfig(["reconcile", app, "--timeout", "30s"])
                #expect(reconciled.status == 0, "\(reconciled.stdout)\(reconciled.stderr)\n\(stack.logs())")
            }
        }
    }

    @Test func requestsAboutAnAppGoToTheShardOwningItAndToTheOthersOnlyOnRefusal() async throws {
        let transport = try await Transport.start()
        var stages: [StageName: [StubStage]] = [:]
        for stage in StageName.allCases {
            for index in 0..<2 {
                let status: JSONValue = ["stage": .string(stage.rawValue), "shard": .string("\(index)/2"), "apps": [], "sources": []]
                stages[stage, default: []].append(try await StubStage.start(transport, status: status))
            }
        }
        let directory = TemporaryDirectory("capstan-shards")
        let config = directory("capstan.yaml")
        func shards(_ stage: StageName) -> String { (stages[stage] ?? []).map(\.flow).joined(separator: ", ") }
        try """
            sources:
              - { name: site, url: "file:///nowhere/site.git", interval: 1h }
            apps:
              - { name: web, source: site, path: apps/web }
              - { name: db, source: site, path: apps/db }
            stages:
              fetcher: { shards: [\(shards(.fetcher))] }
              renderer: { shards: [\(shards(.renderer))] }
              applier: { shards: [\(shards(.applier))] }
            """.write(toFile: config, atomically: true, encoding: .utf8)
        func capstan(_ arguments: [String]) async throws -> CommandRun {
            try await CommandRun.capstan(["--config", config] + arguments + ["--request-timeout", "0.5"])
        }
        let appliers = stages[.applier] ?? []
        // The stub appliers accept `web` and refuse every other app, as a shard not owning it would.
        let web = Shard(index: 0, count: 2).owns("web") ? 0 : 1, db = Shard(index: 0, count: 2).owns("db") ? 0 : 1
        let suspended = try await capstan(["suspend", "web"])
        let receivedAfterWeb = appliers.map(\.received)
        let refused = try await capstan(["suspend", "db"])
        let status = try await capstan(["status"])
        let received = StageName.allCases.flatMap { stages[$0] ?? [] }.map(\.received)
        for stage in StageName.allCases.flatMap({ stages[$0] ?? [] }) { await stage.stop() }
        await transport.shutdown()
        directory.remove()

        #expect(suspended.status == 0, "\(suspended.stderr)")
        #expect(receivedAfterWeb[web] == ["SUSPEND web"] && receivedAfterWeb[1 - web].isEmpty, "\(receivedAfterWeb)")
        #expect(refused.status == 1 && refused.stderr.contains("unknown app 'db'"), "\(refused.stderr)")
        #expect(received[4 + db].filter { $0.hasPrefix("SUSPEND db") } == ["SUSPEND db"], "the owner is asked first")
        #expect(received[4 + 1 - db].filter { $0.hasPrefix("SUSPEND db") } == ["SUSPEND db"], "after its refusal, the other shard")
        #expect(status.status == 0, "\(status.stderr)")
        for index in 2..<6 { #expect(received[index].contains("STATUS"), "status asks every renderer and applier shard: \(received)") }
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
