import ArgumentParser
import CapstanCore
import Logging

/// The options every stage's `run` command shares; include with `@OptionGroup var options: StageOptions`.
public struct StageOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("The Capstan config file.", valueName: "file"))
    public var config: String = "capstan.yaml"

    @Option(name: .customLong("log-format"), help: ArgumentHelp("Log line format: logfmt or json.", valueName: "format"))
    public var logFormat: LogFormat = .logfmt

    @Option(
        name: .customLong("log-level"),
        help: ArgumentHelp(
            "Lowest level logged: trace, debug, info (default), notice, warning, error, critical.",
            valueName: "level"
        ),
        transform: StageOptions.parseLevel
    )
    public var logLevel: Logger.Level = .info

    @Option(
        help: ArgumentHelp("Run as shard i of n (0-based): handle only the names that hash to it.", valueName: "i/n"),
        transform: StageOptions.parseShard
    )
    public var shard: Shard?

    @Option(name: .customLong("http"), help: ArgumentHelp("Where /healthz, /readyz and /metrics listen (default: 127.0.0.1 and the stage's port).", valueName: "host:port"))
    public var http: HTTPAddress?

    public init() {}

    static func parseShard(_ text: String) throws -> Shard {
        guard let shard = Shard(text) else {
            throw ValidationError("'\(text)' is not a shard: write i/n with 0 <= i < n, as in 0/3")
        }
        return shard
    }

    static func parseLevel(_ text: String) throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            throw ValidationError("unknown log level '\(text)'; use trace, debug, info, notice, warning, error or critical")
        }
        return level
    }
}
