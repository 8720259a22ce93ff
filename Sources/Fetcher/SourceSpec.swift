import Git

/// Everything the fetcher needs to know about one source, whatever the config file looked like.
public struct SourceSpec: Sendable {
    public var name: String
    public var url: String
    public var ref: RefSelector
    /// Directory holding `username`/`password`, or `identity`(+`.pub`)/`known_hosts`, and `ca.crt`.
    public var secretDirectory: String?
    /// Extra gitignore-syntax patterns, applied before the repository's `.sourceignore`.
    public var ignore: [String]
    /// Seconds between polls.
    public var interval: Double
    /// Artifacts kept per source, the current one included.
    public var keep: Int
    public var limits: PackLimits
    public var connectTimeout: Double
    public var transferTimeout: Double
    /// Pack each submodule's tree at its path (fetched into its own mirror); left out otherwise.
    public var includeSubmodules: Bool

    public init(name: String, url: String, ref: RefSelector, secretDirectory: String? = nil, ignore: [String] = [],
                interval: Double = 60, keep: Int = 3, limits: PackLimits = PackLimits(),
                connectTimeout: Double = 15, transferTimeout: Double = 300, includeSubmodules: Bool = false) {
        self.name = name
        self.url = url
        self.ref = ref
        self.secretDirectory = secretDirectory
        self.ignore = ignore
        self.interval = interval
        self.keep = keep
        self.limits = limits
        self.connectTimeout = connectTimeout
        self.transferTimeout = transferTimeout
        self.includeSubmodules = includeSubmodules
    }
}
