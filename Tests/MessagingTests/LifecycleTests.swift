import Logging
@testable import Messaging
import ServiceLifecycle
import Testing

@Suite struct LifecycleTests {
    @Test func publisherAndSubscriberStopWithTheServiceGroup() async throws {
        let transport = try await makeTransport()
        let publisher = try await EventPublisher.start(transport: transport, settings: loopbackSettings())
        let subscriber = try await EventSubscriber.start(transport: transport, settings: fastSettings([publisher.upstream]))
        let collector = EventCollector(subscriber)
        let group = ServiceGroup(configuration: .init(services: [publisher, subscriber], logger: quietLogger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            publisher.publish(event("status.shop", "ok"))
            #expect(await eventually { collector.topics == ["status.shop"] })
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        publisher.publish(event("status.shop", "late"))  // dropped: the loop has ended
        await transport.shutdown()
    }
}
