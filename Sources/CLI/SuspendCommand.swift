import ArgumentParser

/// `capstan suspend <app>`: the applier stops changing the app's objects (drift is only reported).
public struct SuspendCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "suspend", abstract: "Stop reconciling an app: nothing of it changes in the cluster until `resume`.")
    @OptionGroup public var global: GlobalOptions
    @Argument(help: "The app.") public var app: String
    public init() {}

    public func run() async throws {
        try await Console.run { try await Suspension.send("SUSPEND", app: app, global: global) }
    }
}
