import ArgumentParser
import CapstanCore
import Foundation

/// `capstan status`: every app's phase, revision, objects, drift and last error, merged from the
/// renderers' and appliers' STATUS.
public struct StatusCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show every app: source revision, phase, objects, drift corrections, last error, age.")

    @OptionGroup public var global: GlobalOptions
    @Option(name: .shortAndLong, help: "table or json.") public var output: OutputFormat = .table

    public init() {}

    public func run() async throws {
        try await Console.run {
            try await global.withStages { config, clients in
                async let rendererReplies = clients.statuses(.renderer)
                async let applierReplies = clients.statuses(.applier)
                let renderer = await rendererReplies, applier = await applierReplies
                let rows = StatusMerger(apps: config.apps).merge(renderer: renderer.compactMap(\.value), applier: applier.compactMap(\.value))
                print(rows, failures: renderer + applier)
                return Console.reportFailures(renderer + applier) ? Console.unreachable : 0
            }
        }
    }

    func print(_ rows: [AppRow], failures replies: [InstanceReply]) {
        switch output {
        case .json:
            let unreachable = replies.filter { $0.failure != nil }.map { reply -> JSONValue in
                ["stage": .string(reply.stage.rawValue), "endpoint": .string(reply.endpoint), "error": .string(reply.failure ?? "")]
            }
            Console.out(JSONOutput.pretty(["apps": .array(rows.map(\.json)), "unreachable": .array(unreachable)]))
        case .table:
            StatusTable.table(rows).render(for: .standardOutput()).forEach(Console.out)
        }
    }
}
