import ArgumentParser
import Logging

/// The options every stage's `run` command shares; include with `@OptionGroup var options: StageOptions`.
public struct StageOptions: ParsableArguments, Sendable {
    @Option(help: "The Capstan config file (capstan.yaml).")
    public var config: String = "capstan.yaml"

    @Option(name: .customLong("log-format"), help: "Log line format: logfmt or json.")
    public var logFormat: LogFormat = .logfmt

    @Option(
        name: .customLong("log-level"),
        help: "Lowest level logged: trace, debug, info, notice, warning, error, critical.",
        transform: StageOptions.parseLevel
    )
    public var logLevel: Logger.Level = .info

    @Option(help: "Run as shard i of n (0-based): handle only the names that hash to it.")
    public var shard: ShardArgument?

    @Option(name: .customLong("http"), help: "Address for /healthz, /readyz and /metrics (host:port).")
    public var http: HTTPAddress?

    public init() {}

    static func parseLevel(_ text: String) throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            throw ValidationError("unknown log level '\(text)'; use trace, debug, info, notice, warning, error or critical")
        }
        return level
    }
}
