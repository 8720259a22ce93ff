import CapstanCore
import FetcherTesting
import Foundation
import Messaging

/// Stub fetcher, renderers (two shards) and applier, and a config file naming them.
final class StubPipeline: Sendable {
    let transport: Transport
    let fetcher: StubStage
    let renderers: [StubStage]
    let applier: StubStage
    let directory: TemporaryDirectory
    let configPath: String

    /// `deadApplier` points the config's applier at a port nothing listens on.
    init(renderers count: Int = 1, deadApplier: Int? = nil) async throws {
        transport = try await Transport.start()
        fetcher = try await StubStage.start(transport, status: ["stage": "fetcher", "sources": []])
        var renderers: [StubStage] = []
        for index in 0..<count {
            renderers.append(try await StubStage.start(transport, status: ["stage": "renderer", "shard": .string("\(index)/\(count)"), "apps": []]))
        }
        self.renderers = renderers
        applier = try await StubStage.start(transport, status: ["stage": "applier", "shard": "0/1", "apps": []])
        directory = TemporaryDirectory("capstan-cli")
        configPath = directory("capstan.yaml")
        let (applierPub, applierRouter) = deadApplier.map { ("tcp://127.0.0.1:\($0)", "tcp://127.0.0.1:\($0)") }
            ?? (applier.publisher.pubEndpoint, applier.publisher.routerEndpoint)
        try """
            sources:
              - { name: site, url: "file:///nowhere/site.git", interval: 1h }
              - { name: infra, url: "file:///nowhere/infra.git", interval: 1h }
            apps:
              - { name: web, source: site, path: apps/web, targetNamespace: shop, timeout: 1m }
              - { name: db, source: infra, timeout: 1m }
            stages:
              renderer:
                upstream: [\(fetcher.flow)]
              applier:
                pub: "\(applierPub)"
                router: "\(applierRouter)"
                upstream: [\(renderers.map(\.flow).joined(separator: ", "))]
            """.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Runs `capstan --config <this config> <arguments>`.
    func capstan(_ arguments: [String], environment: [String: String] = [:]) async throws -> CommandRun {
        try await CommandRun.capstan(["--config", configPath] + arguments + ["--request-timeout", "0.5"], environment: environment)
    }

    func stop() async {
        for stage in [fetcher, applier] + renderers { await stage.stop() }
        await transport.shutdown()
        directory.remove()
    }
}
