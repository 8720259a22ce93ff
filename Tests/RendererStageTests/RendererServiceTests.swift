import CapstanCore
import Foundation
import Logging
import Messaging
import Overlays
import Renderer
@testable import RendererStage
import StageRuntime
import Synchronization
import Testing

/// Holds renders at a gate until the test opens it, counting how many arrived.
final class RenderGate: Sendable {
    private let state = Mutex((arrived: 0, open: false))

    var arrived: Int { state.withLock { $0.arrived } }

    /// Called on the render thread: waits (polling) until the gate opens.
    func pass() {
        state.withLock { $0.arrived += 1 }
        while !state.withLock({ $0.open }) { usleep(5_000) }
    }

    func open() { state.withLock { $0.open = true } }
}

@Suite(.serialized) struct RendererServiceTests {
    @Test func anAppWhoseSourceMovedWhileRenderingRendersAgainWithTheNewerRevision() async throws {
        let files = [
            "apps/web/kustomization.yaml": "resources:\n  - configmap.yaml\n",
            "apps/web/configmap.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  color: blue\n",
        ]
        let apps = "  - name: web\n    source: site\n    path: apps/web\n"
        let gate = RenderGate()
        try await StageFixture.with(files: files, apps: apps, startRenderer: false) { stack in
            defer { gate.open() }
            let engines = RenderEngines(overlay: { directory, tree in
                gate.pass()
                return try Overlay.build(directory == "." ? "" : directory, in: tree).objects
            })
            let service = try RendererService(config: try CapstanConfig.load(path: stack.configPath), shard: nil, concurrency: 2,
                                              engines: engines, logger: Logger(label: "renderer"), readiness: Readiness())
            let task = Task { try await service.run() }
            defer { task.cancel() }
            try await stack.connect()
            let events = try await stack.subscribe()
            #expect(await eventually { gate.arrived == 1 })
            try await stack.commit("second", files: ["apps/web/configmap.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  color: red\n"])
            let second = "main@sha1:\(try stack.git.head())"
            #expect(await eventually { service.board.latest(of: "site")?.revision == second })
            gate.open()
            let bundle = try #require(await events.last("bundle.web"))
            #expect(bundle.fields["revision"]?.stringValue == second)
            #expect(await eventually { await stack.renders() == 2 })
            #expect(gate.arrived == 2)
            #expect(events.all.filter { $0.topic == "bundle.web" }.map { $0.fields["revision"]?.stringValue } == [second])
            let yaml = String(decoding: try await #require(stack.client).get(try #require(Digest(bundle.fields["bundle"]?.stringValue ?? ""))), as: UTF8.self)
            #expect(yaml.contains("color: red"))
            task.cancel()
            _ = try? await task.value
        }
    }

    @Test func aShardRendersOnlyTheAppsItOwns() throws {
        let names = ["web", "api", "db", "cache", "queue", "search"]
        let apps = names.map { "  - { name: \($0), source: site }" }.joined(separator: "\n")
        let data = NSTemporaryDirectory() + "capstan-shard-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: data) }
        let yaml = "sources:\n  - { name: site, url: /tmp/none }\napps:\n\(apps)\nstages:\n  renderer: { data: \(data) }\n"
        let config = try CapstanConfig.decode(yaml, file: "capstan.yaml")
        var owned: [String] = []
        for index in 0..<2 {
            let shard = Shard(index: index, count: 2)
            let service = try RendererService(config: config, shard: shard, concurrency: 1, logger: Logger(label: "t"), readiness: Readiness())
            #expect(service.board.apps.keys.allSatisfy(shard.owns))
            owned += service.board.apps.keys
        }
        #expect(owned.sorted() == names.sorted())
    }
}
