import ArgumentParser
import CapstanCore

/// `capstan revisions`: what each fetcher holds per source, and when it fetches next.
public struct RevisionsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "revisions", abstract: "Show each source's revision, artifact, readiness, last and next fetch, last error.")

    @OptionGroup public var global: GlobalOptions
    @Option(name: .shortAndLong, help: "table or json.") public var output: OutputFormat = .table

    public init() {}

    public func run() async throws {
        try await Console.run {
            try await global.withStages { config, clients in
                let replies = await clients.statuses(.fetcher)
                let statuses = replies.compactMap(\.value)
                switch output {
                case .json:
                    let sources = RevisionsTable.entries(statuses).sorted { $0.key < $1.key }.map(\.value)
                    Console.out(JSONOutput.pretty(["sources": .array(sources)]))
                case .table:
                    RevisionsTable.table(sources: config.sources.map(\.name), statuses: statuses).render(for: .standardOutput()).forEach(Console.out)
                }
                return Console.reportFailures(replies) ? Console.unreachable : 0
            }
        }
    }
}
