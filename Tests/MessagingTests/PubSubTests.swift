import CapstanCore
@testable import Messaging
import Testing

@Suite struct PubSubTests {
    @Test func deliversPublishedEventsInOrder() async throws {
        let transport = try await makeTransport()
        let publisher = try await EventPublisher.start(transport: transport, settings: loopbackSettings())
        let subscriber = try await EventSubscriber.start(transport: transport, settings: fastSettings([publisher.upstream]))
        let collector = EventCollector(subscriber)
        #expect(await eventually { subscriber.statistics.snapshots >= 1 })
        for name in ["a", "b", "c"] { publisher.publish(event("revision.\(name)", name)) }
        #expect(await eventually { collector.topics == ["revision.a", "revision.b", "revision.c"] })
        await subscriber.stop()
        await publisher.stop()
        await transport.shutdown()
    }

    @Test func lateSubscriberGetsStateBySnapshot() async throws {
        let transport = try await makeTransport()
        let publisher = try await EventPublisher.start(transport: transport, settings: loopbackSettings())
        publisher.publish(event("revision.platform", "one"))
        publisher.publish(event("revision.platform", "two"))
        publisher.publish(event("bundle.shop", "shop"))
        let subscriber = try await EventSubscriber.start(transport: transport, settings: fastSettings([publisher.upstream]))
        let collector = EventCollector(subscriber)
        #expect(await eventually { Set(collector.topics) == ["revision.platform", "bundle.shop"] })
        #expect(collector.events.first { $0.topic == "revision.platform" }?.fields["note"] == "two")
        #expect(collector.events.count == 2)
        await subscriber.stop()
        await publisher.stop()
        await transport.shutdown()
    }

    @Test func subscriberConvergesAfterPublisherRestartsWithNewEpoch() async throws {
        let transport = try await makeTransport()
        let first = try await EventPublisher.start(transport: transport, settings: loopbackSettings())
        first.publish(event("revision.platform", "one"))
        let subscriber = try await EventSubscriber.start(transport: transport, settings: fastSettings([first.upstream]))
        let collector = EventCollector(subscriber)
        #expect(await eventually { collector.events.count == 1 })
        await first.stop()

        let second = try await EventPublisher.start(
            transport: transport, settings: loopbackSettings(pub: first.pubEndpoint, router: first.routerEndpoint))
        #expect(second.epoch != first.epoch)
        second.publish(event("revision.platform", "one"))  // same content: must not be delivered twice
        second.publish(event("revision.other", "new"))
        #expect(await eventually { collector.topics == ["revision.platform", "revision.other"] })
        #expect(subscriber.statistics.resyncs >= 1)
        await subscriber.stop()
        await second.stop()
        await transport.shutdown()
    }

    @Test func sequenceGapTriggersResyncThatRecoversTheLostEvent() async throws {
        let transport = try await makeTransport()
        let publisher = try await EventPublisher.start(transport: transport, settings: loopbackSettings())
        let subscriber = try await EventSubscriber.start(transport: transport, settings: fastSettings([publisher.upstream]))
        let collector = EventCollector(subscriber)
        #expect(await eventually { subscriber.statistics.snapshots >= 1 })
        publisher.publishLost(event("revision.lost", "lost"))
        publisher.publish(event("revision.after", "after"))
        #expect(await eventually { Set(collector.topics) == ["revision.lost", "revision.after"] })
        #expect(subscriber.statistics.resyncs >= 1)
        await subscriber.stop()
        await publisher.stop()
        await transport.shutdown()
    }

    @Test func silentPublisherIsNoticedAfterThreeMissedHeartbeats() async throws {
        let transport = try await makeTransport()
        let publisher = try await EventPublisher.start(transport: transport, settings: loopbackSettings())
        let subscriber = try await EventSubscriber.start(transport: transport, settings: fastSettings([publisher.upstream]))
        #expect(await eventually { subscriber.statistics.snapshots >= 1 })
        await publisher.stop()
        #expect(await eventually { subscriber.statistics.resyncs >= 1 })
        await subscriber.stop()
        await transport.shutdown()
    }

    @Test func subscribesOnlyToRequestedTopics() async throws {
        let transport = try await makeTransport()
        let publisher = try await EventPublisher.start(transport: transport, settings: loopbackSettings())
        let subscriber = try await EventSubscriber.start(
            transport: transport, settings: fastSettings([publisher.upstream], topics: ["bundle."]))
        let collector = EventCollector(subscriber)
        #expect(await eventually { subscriber.statistics.snapshots >= 1 })
        publisher.publish(event("bundle.a", "a"))
        publisher.publish(event("revision.x", "x"))
        publisher.publish(event("bundle.b", "b"))
        #expect(await eventually { collector.topics == ["bundle.a", "bundle.b"] })
        await subscriber.stop()
        await publisher.stop()
        await transport.shutdown()
    }
}
