import CapstanCore
@testable import Messaging
import Testing
import ZeroMQ

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
        // The first publisher has its own context, shut down as a dying process would be.
        let dying = try await makeTransport()
        let first = try await EventPublisher.start(transport: dying, settings: loopbackSettings())
        first.publish(event("revision.platform", "one"))
        let subscriber = try await EventSubscriber.start(transport: transport, settings: fastSettings([first.upstream]))
        let collector = EventCollector(subscriber)
        #expect(await eventually { collector.events.count == 1 })
        await first.stop()
        await dying.shutdown()

        // libzmq releases a closed listener asynchronously: retry the bind as a restarted process would.
        let restarted = Locked<EventPublisher?>(nil)
        let settings = loopbackSettings(pub: first.pubEndpoint, router: first.routerEndpoint)
        #expect(await eventually {
            if let publisher = try? await EventPublisher.start(transport: transport, settings: settings) {
                restarted.withLock { $0 = publisher }
            }
            return restarted.withLock { $0 != nil }
        })
        let second = try #require(restarted.withLock { $0 })
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

@Suite struct SlowConsumerTests {
    @Test func eventsDroppedForASlowConsumerComeBackByResync() async throws {
        let transport = try await makeTransport()
        let publisher = try await EventPublisher.start(transport: transport, settings: loopbackSettings())
        var settings = fastSettings([publisher.upstream])
        settings.bufferSize = 1  // one batch held: anything more drops the oldest
        let subscriber = try await EventSubscriber.start(transport: transport, settings: settings)
        #expect(await eventually { subscriber.statistics.snapshots >= 1 })
        let topics = (0..<40).map { "status.app\($0)" }
        for (index, topic) in topics.enumerated() {
            publisher.publish(event(topic, topic))
            #expect(await eventually { subscriber.statistics.delivered >= index + 1 })  // one batch per event
        }
        #expect(subscriber.statistics.dropped >= 1)
        let collector = EventCollector(subscriber)  // the consumer starts late
        #expect(await eventually { Set(collector.topics) == Set(topics) })
        #expect(subscriber.statistics.resyncs >= 1)
        await subscriber.stop()
        await publisher.stop()
        await transport.shutdown()
    }
}
