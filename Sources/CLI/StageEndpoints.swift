import CapstanCore
import Foundation
import Messaging

/// Every configured instance of each stage as the CLI connects to it: the fetchers the renderer
/// lists as upstream, the renderers the applier lists, and the applier itself. Bind addresses
/// (`0.0.0.0`, `*`) become loopback, since a wildcard is where a stage listens, not where to call.
public struct StageEndpoints: Sendable, Equatable {
    public var fetcher: [Upstream]
    public var renderer: [Upstream]
    public var applier: [Upstream]

    public init(fetcher: [Upstream], renderer: [Upstream], applier: [Upstream]) {
        self.fetcher = fetcher
        self.renderer = renderer
        self.applier = applier
    }

    /// The instances named by `config.stages`; server keys read from the configured files.
    public init(config: CapstanConfig) throws(KeyFileError) {
        let stages = config.stages
        fetcher = try stages.renderer.upstream.map(Self.upstream)
        renderer = try stages.applier.upstream.map(Self.upstream)
        applier = [try Self.upstream(UpstreamConfig(
            pub: stages.applier.pub, router: stages.applier.router, serverPublicKeyFile: stages.applier.curve?.serverPublicKeyFile))]
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
