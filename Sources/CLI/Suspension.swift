import CapstanCore
import Messaging

/// SUSPEND/RESUME to the applier shard owning the app (the others only if it refuses or is silent).
enum Suspension {
    static func send(_ verb: String, app: String, global: GlobalOptions) async throws -> Int32 {
        try await global.withStages { config, clients in
            guard config.app(named: app) != nil else { throw CLIError("no app '\(app)' in \(global.configPath)") }
            let replies = await clients.askOwner(.applier, of: app) { client throws(RequestError) in try await client.perform(verb, name: app) }
            guard replies.contains(where: { $0.value != nil }) else {
                Console.reportFailures(replies)
                return replies.contains(where: \.timedOut) ? Console.unreachable : 1
            }
            Console.out("\(app): \(verb == "SUSPEND" ? "suspended" : "resumed")")
            return 0
        }
    }
}
