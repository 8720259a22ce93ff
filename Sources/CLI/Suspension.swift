import CapstanCore
import Messaging

/// SUSPEND/RESUME on every applier instance: the one owning the app answers, the others refuse.
enum Suspension {
    static func send(_ verb: String, app: String, global: GlobalOptions) async throws -> Int32 {
        try await global.withStages { config, clients in
            guard config.app(named: app) != nil else { throw CLIError("no app '\(app)' in \(global.configPath)") }
            let replies = await clients.ask(.applier) { client throws(RequestError) in try await client.perform(verb, name: app) }
            guard replies.contains(where: { $0.value != nil }) else {
                Console.reportFailures(replies)
                return replies.contains(where: \.timedOut) ? Console.unreachable : 1
            }
            Console.out("\(app): \(verb == "SUSPEND" ? "suspended" : "resumed")")
            return 0
        }
    }
}
