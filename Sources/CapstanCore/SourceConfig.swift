/// A git repository Capstan follows: where it is, which ref, how often, with which credentials.
public struct SourceConfig: Sendable, Hashable {
    /// DNS-1123 label naming the source in events (`revision.<name>`), logs and apps.
    public var name: String
    public var url: String
    /// Defaults to the branch `main`.
    public var ref: GitRef
    /// How often to poll the repository. Defaults to 1m.
    public var interval: Interval
    /// Limit for one fetch (connect and transfer). Defaults to 60s.
    public var timeout: Interval
    /// A directory of credential files: `username`+`password`, or `identity`+`known_hosts`, plus `caFile`.
    public var secretRef: String?
    /// Gitignore-style patterns of paths to leave out of the artifact.
    public var ignore: [String]
    /// A file holding the shared secret that push webhooks for this source are signed with.
    public var webhookSecret: String?
    /// Whether to pack git submodules into the artifact. Defaults to false.
    public var includeSubmodules: Bool

    public init(
        name: String, url: String, ref: GitRef = .branch("main"), interval: Interval = .minutes(1),
        timeout: Interval = .seconds(60), secretRef: String? = nil, ignore: [String] = [],
        webhookSecret: String? = nil, includeSubmodules: Bool = false
    ) {
        self.name = name
        self.url = url
        self.ref = ref
        self.interval = interval
        self.timeout = timeout
        self.secretRef = secretRef
        self.ignore = ignore
        self.webhookSecret = webhookSecret
        self.includeSubmodules = includeSubmodules
    }
}
