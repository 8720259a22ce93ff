import CapstanCore
import Foundation
import Messaging

/// Every configured instance of each stage as the CLI connects to it, in shard order: a stage's
/// `shards`, else the fetchers the renderer lists as upstream, the renderers the applier lists,
/// and the applier itself. Bind addresses (`0.0.0.0`, `*`) become loopback, since a wildcard is
/// where a stage listens, not where to call.
public struct StageEndpoints: Sendable, Equatable {
    public var fetcher: [Upstream]
    public var renderer: [Upstream]
    public var applier: [Upstream]

    public init(fetcher: [Upstream], renderer: [Upstream], applier: [Upstream]) {
        self.fetcher = fetcher
        self.renderer = renderer
        self.applier = applier
    }

    /// The instances named by `config.stages`; server keys read from the configured files. A
    /// stage's `shards` list wins; without it, the downstream stage's `upstream` (fetcher,
    /// renderer) or the stage's own `pub`/`router` (applier).
    public init(config: CapstanConfig) throws(KeyFileError) {
        let stages = config.stages
        fetcher = try Self.listed(stages.fetcher.shards, else: stages.renderer.upstream)
        renderer = try Self.listed(stages.renderer.shards, else: stages.applier.upstream)
        applier = try Self.listed(stages.applier.shards, else: [UpstreamConfig(
            pub: stages.applier.pub, router: stages.applier.router, serverPublicKeyFile: stages.applier.curve?.serverPublicKeyFile)])
    }

    static func listed(_ shards: [UpstreamConfig], else fallback: [UpstreamConfig]) throws(KeyFileError) -> [Upstream] {
        try (shards.isEmpty ? fallback : shards).map(Self.upstream)
    }

    public subscript(stage: StageName) -> [Upstream] {
        switch stage {
        case .fetcher: fetcher
        case .renderer: renderer
        case .applier: applier
        }
    }

    static func upstream(_ config: UpstreamConfig) throws(KeyFileError) -> Upstream {
        Upstream(pub: connectAddress(config.pub), router: connectAddress(config.router),
                 serverKey: try config.serverPublicKeyFile.map(KeyFiles.readKey))
    }

    /// `tcp://0.0.0.0:7401` → `tcp://127.0.0.1:7401`; other endpoints unchanged.
    public static func connectAddress(_ endpoint: String) -> String {
        for wildcard in ["tcp://0.0.0.0:", "tcp://*:"] where endpoint.hasPrefix(wildcard) {
            return "tcp://127.0.0.1:" + endpoint.dropFirst(wildcard.count)
        }
        if endpoint.hasPrefix("tcp://[::]:") { return "tcp://[::1]:" + endpoint.dropFirst("tcp://[::]:".count) }
        return endpoint
    }
}
