import YAML

/// The whole of `capstan.yaml`: sources, apps, stage settings and limits, checked and defaulted.
///
/// Every stage reads the same file. Loading either returns a config in which every reference
/// holds (apps name existing sources, dependsOn names existing apps without cycles) or throws a
/// `ConfigError` listing every mistake.
public struct CapstanConfig: Sendable, Hashable {
    public var sources: [SourceConfig]
    public var apps: [AppConfig]
    public var stages: StagesConfig
    public var limits: LimitsConfig

    public init(sources: [SourceConfig] = [], apps: [AppConfig] = [], stages: StagesConfig = StagesConfig(),
        limits: LimitsConfig = LimitsConfig())
    {
        self.sources = sources
        self.apps = apps
        self.stages = stages
        self.limits = limits
    }

    /// Reads and checks the config file at `path`.
    public static func load(path: String) throws(ConfigError) -> CapstanConfig {
        let bytes: [UInt8]
        do {
            bytes = try ConfigFile.contents(atPath: path)
        } catch {
            throw ConfigError(problems: [ConfigProblem(file: path, line: 0, column: 0, path: "", message: error.reason)])
        }
        return try decode(bytes, file: path)
    }

    /// Checks and decodes config text; `file` names it in errors.
    public static func decode(_ bytes: [UInt8], file: String) throws(ConfigError) -> CapstanConfig {
        let documents: [YAMLDocument]
        do {
            documents = try YAMLParser.parse(bytes, file: file)
        } catch {
            throw ConfigError(problems: [ConfigProblem(error)])
        }
        let decoder = ConfigDecoder(file: file)
        if documents.count > 1 {
            decoder.report("the config must be a single YAML document", at: documents[1].mark, path: "")
        }
        let config = decoder.decodeConfig(documents.first?.root)
        if !decoder.problems.isEmpty { throw ConfigError(problems: decoder.sortedProblems) }
        return config
    }

    /// Checks and decodes config text held in a string.
    public static func decode(_ text: String, file: String) throws(ConfigError) -> CapstanConfig {
        try decode(Array(text.utf8), file: file)
    }

    /// The source called `name`.
    public func source(named name: String) -> SourceConfig? { sources.first { $0.name == name } }

    /// The app called `name`.
    public func app(named name: String) -> AppConfig? { apps.first { $0.name == name } }
}
