import CapstanCore
import CapstanTesting
import FetcherTesting
import Foundation
import Logging
import Messaging
@testable import RendererStage
import StageRuntime
import Testing

/// A renderer listing two fetchers, the first of them down: apps of the live one must not wait on it.
@Suite(.serialized) struct DownFetcherTests {
    static let files = [
        "apps/web/kustomization.yaml": "resources:\n  - configmap.yaml\n",
        "apps/web/configmap.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  color: blue\n",
    ]

    /// The fixture's config with the renderer's upstreams replaced by a dead fetcher, then the live one.
    static func config(_ stack: StageFixture) throws -> CapstanConfig {
        let dead = "{ pub: \"tcp://127.0.0.1:\(FreePort.next())\", router: \"tcp://127.0.0.1:\(FreePort.next())\" }"
        let live = "{ pub: \"\(stack.fetcherPub)\", router: \"\(stack.fetcherRouter)\" }"
        let yaml = try String(contentsOfFile: stack.configPath, encoding: .utf8)
            .replacingOccurrences(of: "concurrency: 2 }", with: "concurrency: 2, upstream: [\(dead), \(live)] }")
        #expect(yaml.contains("upstream: ["))
        return try CapstanConfig.decode(yaml, file: stack.configPath)
    }

    @Test func aDownFetcherListedFirstDoesNotDelayArtifactsTheOtherOneServes() async throws {
        try await StageFixture.with(files: Self.files, apps: "  - name: web\n    source: site\n    path: apps/web\n", startRenderer: false) { stack in
            let service = try RendererService(config: try Self.config(stack), shard: nil, concurrency: 2,
                                              logger: Logger(label: "renderer"), readiness: Readiness())
            let task = Task { try await service.run() }
            defer { task.cancel() }
            #expect(await eventually { service.board.status(of: "web")?.phase == .ready })
            try await stack.commit("second", files: ["apps/web/configmap.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  color: red\n"])
            let second = "main@sha1:\(try stack.git.head())"
            #expect(await eventually { service.board.status(of: "web")?.revision == second && service.board.status(of: "web")?.phase == .ready })
            // Each render's duration includes getting its artifact; asking the dead fetcher first
            // would cost its whole retry budget (3 attempts × 2 s) before the live one was asked.
            let status = try #require(service.board.status(of: "web"))
            #expect(status.error == nil)
            #expect(try #require(status.durationMs) < 3_000, "the render waited on the dead fetcher")
            task.cancel()
            _ = try? await task.value
        }
    }

    /// The fixture's config plus source `other` (announced only by `stalled`) with two apps, and the
    /// renderer reading from the stalled fetcher first, then the live one, two renders at a time.
    static func config(_ stack: StageFixture, stalled: StalledFetcher) throws -> CapstanConfig {
        let upstreams = "[{ pub: \"\(stalled.pub)\", router: \"\(stalled.router)\" }, { pub: \"\(stack.fetcherPub)\", router: \"\(stack.fetcherRouter)\" }]"
        let yaml = try String(contentsOfFile: stack.configPath, encoding: .utf8)
            .replacingOccurrences(of: "apps:\n", with: "  - { name: other, url: /tmp/none }\napps:\n  - { name: slow1, source: other }\n  - { name: slow2, source: other }\n")
            .replacingOccurrences(of: "concurrency: 2 }", with: "concurrency: 2, upstream: \(upstreams) }")
        #expect(yaml.contains("slow2") && yaml.contains("upstream: ["))
        return try CapstanConfig.decode(yaml, file: stack.configPath)
    }

    @Test func appsWaitingOnAStalledFetcherHoldNoRenderSlotFromAppsOfOtherSources() async throws {
        try await StageFixture.with(files: Self.files, apps: "  - name: web\n    source: site\n    path: apps/web\n", startRenderer: false) { stack in
            let stalled = try await StalledFetcher()
            let service = try RendererService(config: try Self.config(stack, stalled: stalled), shard: nil, concurrency: 2,
                                              logger: Logger(label: "renderer"), readiness: Readiness())
            let task = Task { try await service.run() }
            do {
                #expect(await eventually { stalled.getsArrived >= 1 })
                // The stalled GET holds for the client's whole retry budget (3 × 2 s) from here.
                let firstGet = ContinuousClock.now
                #expect(await eventually {
                    service.board.status(of: "slow1")?.phase == .rendering && service.board.status(of: "slow2")?.phase == .rendering
                        && service.board.status(of: "web")?.phase == .ready
                })
                try await stack.commit("second", files: ["apps/web/configmap.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  color: red\n"])
                let second = "main@sha1:\(try stack.git.head())"
                #expect(await eventually(3) { service.board.status(of: "web")?.revision == second && service.board.status(of: "web")?.phase == .ready })
                #expect(ContinuousClock.now - firstGet < .seconds(5), "web waited until the stalled GET gave up")
            } catch {
                await stalled.release()
                task.cancel()
                throw error
            }
            await stalled.release()
            task.cancel()
            _ = try? await task.value
        }
    }
}
