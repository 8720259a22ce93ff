import ArgumentParser

/// `capstan resume <app>`: the applier reconciles the app again, starting with the newest bundle.
public struct ResumeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Reconcile a suspended app again, applying its newest bundle now.")
    @OptionGroup public var global: GlobalOptions
    @Argument(help: "The app.") public var app: String
    public init() {}

    public func run() async throws {
        try await Console.run { try await Suspension.send("RESUME", app: app, global: global) }
    }
}
