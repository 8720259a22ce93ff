import ApplierStage
import CapstanCore
import Logging
import Messaging
import StageRuntime
import Synchronization
import Testing

/// What the CLI and other stages see of the daemon: requests, `status.<app>` events, sharding.
@Suite struct RequestsAndEventsTests {
    @Test func statusEventsCarryTheStatusEntryAndSnapshotHasEveryApp() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        let applier = try await ApplierHarness(cluster: cluster, renderer: renderer, apps: appYAML("shop") + "\n" + appYAML("idle"))
        let digest = renderer.publish(app: "shop", revision: "main@sha1:1", yaml: Bundles.join(Bundles.namespace("shop"), Bundles.configMap("a")))
        #expect(await applier.waitFor("shop") { $0["phase"] == "Ready" } != nil)

        let subscriber = try await EventSubscriber.start(transport: applier.transport, settings: SubscriberSettings(upstreams: [applier.upstream], topics: ["status."]))
        let collected = Mutex<[String: Event]>([:])
        let reader = Task { for await event in subscriber.events { collected.withLock { $0[event.topic] = event } } }
        #expect(await eventually(10) { collected.withLock { $0["status.shop"]?.fields["phase"] == "Ready" && $0["status.idle"] != nil } })
        reader.cancel()
        let latest = collected.withLock { $0 }
        let shop = try #require(latest["status.shop"]).fields
        #expect(shop["stage"] == "applier")
        #expect(shop["bundle"] == .string(digest.description))
        #expect(shop["revision"] == "main@sha1:1")
        #expect(shop["actions"]?["created"] == 2)
        #expect(shop["updatedAt"]?.stringValue?.hasSuffix("Z") == true)
        #expect(latest["status.idle"]?.fields["phase"] == "Pending")
        await subscriber.stop()

        let status = try await applier.client.status()
        #expect(status["stage"] == "applier")
        #expect(status["shard"] == "0/1")
        #expect(try await applier.client.trigger("shop") == ["triggered": "shop"])
        await #expect(throws: RequestError.self) { try await applier.client.trigger("nope") }
        await #expect(throws: RequestError.self) { try await applier.client.perform("SUSPEND", name: "nope") }
        await applier.stop()
        await renderer.stop()
    }

    @Test func eachShardOwnsOnlyTheAppsThatHashToIt() throws {
        let names = (0..<12).map { "app\($0)" }
        let yaml = "sources: [{name: repo, url: \"file:///x\"}]\napps:\n" + names.map { "  - {name: \($0), source: repo}" }.joined(separator: "\n")
        let config = try CapstanConfig.decode(yaml, file: "capstan.yaml")
        let shards = (0..<3).map { index in
            ApplierService(config: config, shard: Shard(index: index, count: 3), logger: Logger(label: "test"), readiness: Readiness()).board.names
        }
        #expect(shards.flatMap { $0 }.sorted() == names.sorted())
        for (index, owned) in shards.enumerated() {
            #expect(owned.allSatisfy { Shard(index: index, count: 3).owns($0) })
        }
    }
}
