import ArgumentParser
import CapstanCore
import Messaging

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

/// SUSPEND/RESUME on every applier instance: the one owning the app answers, the others refuse.
enum Suspension {
    static func send(_ verb: String, app: String, global: GlobalOptions) async throws -> Int32 {
        try await global.withStages { config, clients in
            guard config.app(named: app) != nil else { throw CLIError("no app '\(app)' in \(global.configPath)") }
            let replies = await clients.ask(.applier) { client throws(RequestError) in try await client.perform(verb, name: app) }
            guard replies.contains(where: { $0.value != nil }) else {
                Console.reportFailures(replies)
                return replies.contains { if case .failure(.timeout) = $0.result { true } else { false } } ? Console.unreachable : 1
            }
            Console.out("\(app): \(verb == "SUSPEND" ? "suspended" : "resumed")")
            return 0
        }
    }
}
