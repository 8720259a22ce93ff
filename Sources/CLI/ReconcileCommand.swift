import ArgumentParser
import CapstanCore

/// `capstan reconcile <app>`: fetch, render and apply now, and wait for the outcome.
public struct ReconcileCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Fetch the app's source, render and apply it now, and follow it to Ready (exit 0), Failed (1) or the timeout (2).")

    @OptionGroup public var global: GlobalOptions
    @Argument(help: "The app.") public var app: String
    @Option(help: ArgumentHelp("How long to wait, e.g. 90s or 5m (default: the app's timeout plus 1m).", valueName: "duration"),
            transform: { try Interval.parse($0) })
    public var timeout: Interval?

    public init() {}

    public func run() async throws {
        try await Console.run {
            try await global.withStages { config, clients in
                guard let app = config.app(named: app) else { throw CLIError("no app '\(self.app)' in \(global.configPath)") }
                let limit = timeout.map(\.duration) ?? app.timeout.duration + .seconds(60)
                let session = ReconcileSession(app: app, clients: clients, deadline: .now + limit,
                                               progress: ProgressLine(terminal: .standardOutput()))
                return try await session.run()
            }
        }
    }
}
