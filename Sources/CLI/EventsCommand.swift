import ArgumentParser
import CapstanCore
import Foundation
import Messaging

/// `capstan events [-f]`: the revision, bundle and status events of every stage, one line each.
public struct EventsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Print the stages' current events (revision, bundle, status); -f keeps following them.")

    @OptionGroup public var global: GlobalOptions
    @Flag(name: .shortAndLong, help: "Keep printing new events until interrupted.") public var follow = false

    static let topics = ["revision.", "bundle.", "status."]

    public init() {}

    public func run() async throws {
        try await Console.run {
            try await global.withStages { _, clients in
                follow ? try await self.follow(clients) : await snapshot(clients)
            }
        }
    }

    /// Every instance's SNAPSHOT, pipeline order, oldest first within an instance.
    func snapshot(_ clients: StageClients) async -> Int32 {
        var failed = false
        for stage in StageName.allCases {
            let replies = await clients.ask(stage) { client throws(RequestError) in
                .array(try await client.snapshot().map { envelope in
                    ["topic": .string(envelope.event.topic), "fields": .object(envelope.event.fields)]
                })
            }
            failed = Console.reportFailures(replies) || failed
            for entry in replies.compactMap(\.value).flatMap({ $0.arrayValue ?? [] }) {
                guard let topic = entry["topic"]?.stringValue, Self.topics.contains(where: topic.hasPrefix) else { continue }
                let event = Event(topic: topic, fields: entry["fields"]?.objectValue ?? [:])
                Console.out(EventLine.format(event, receivedAt: Date()))
            }
        }
        return failed ? Console.unreachable : 0
    }

    /// The snapshot, then live events, from one subscriber connected to every instance.
    func follow(_ clients: StageClients) async throws -> Int32 {
        let endpoints = clients.endpoints
        let upstreams = endpoints.fetcher + endpoints.renderer + endpoints.applier
        let subscriber = try await EventSubscriber.start(transport: clients.transport, settings: SubscriberSettings(upstreams: upstreams, topics: Self.topics))
        for await event in subscriber.events {
            Console.out(EventLine.format(event, receivedAt: Date()))
        }
        await subscriber.stop()
        return 0
    }
}
