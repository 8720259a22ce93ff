/// The three stages' settings, read by every stage so each knows where the others are.
public struct StagesConfig: Sendable, Hashable {
    public var fetcher: StageConfig
    public var renderer: StageConfig
    public var applier: StageConfig

    public init(fetcher: StageConfig = .defaults(for: .fetcher), renderer: StageConfig = .defaults(for: .renderer),
        applier: StageConfig = .defaults(for: .applier))
    {
        self.fetcher = fetcher
        self.renderer = renderer
        self.applier = applier
    }

    /// The settings of `stage`.
    public subscript(stage: StageName) -> StageConfig {
        switch stage {
        case .fetcher: fetcher
        case .renderer: renderer
        case .applier: applier
        }
    }
}

/// The three stage kinds, in pipeline order.
public enum StageName: String, Sendable, Hashable, CaseIterable {
    case fetcher, renderer, applier

    /// First port of the stage's block: PUB = base, ROUTER = base + 1, HTTP = base + 2000.
    var basePort: Int {
        switch self {
        case .fetcher: 7401
        case .renderer: 7411
        case .applier: 7421
        }
    }

    /// The stage this one reads from, if any.
    public var upstream: StageName? {
        switch self {
        case .fetcher: nil
        case .renderer: .fetcher
        case .applier: .renderer
        }
    }
}

extension StageConfig {
    /// Loopback endpoints on the stage's standard ports and `/var/lib/capstan/<stage>`.
    public static func defaults(for stage: StageName) -> StageConfig {
        let port = stage.basePort
        return StageConfig(
            pub: "tcp://127.0.0.1:\(port)", router: "tcp://127.0.0.1:\(port + 1)", http: "127.0.0.1:\(port + 2000)",
            data: "/var/lib/capstan/\(stage.rawValue)")
    }
}
