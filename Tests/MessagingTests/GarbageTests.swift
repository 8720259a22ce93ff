import CapstanCore
@testable import Messaging
import Testing
import ZeroMQ

@Suite struct GarbageTests {
    @Test func garbageOnTheRouterGetsErrorsAndTheStageKeepsServing() async throws {
        let transport = try await makeTransport()
        let publisher = try await EventPublisher.start(transport: transport, settings: loopbackSettings(handler: FixtureHandler()))
        let context = try Context()
        let raw = try Socket(context, type: .dealer)
        try raw.connect(publisher.routerEndpoint)
        let garbage: [[[UInt8]]] = [
            [[]], [Array("only-one".utf8)], [Array("id".utf8), Array("BOGUS".utf8)],
            [Array("id".utf8), (0..<300).map { UInt8(truncatingIfNeeded: $0 * 7) }],
            [Array("id".utf8), Array("GET sha256:nothex".utf8)], [Array("id".utf8), Array("STATUS".utf8), [1], [2]],
        ]
        for message in garbage { try raw.send(message) }
        var errors = 0
        let deadline = ContinuousClock.now + .seconds(5)
        while errors < 5, ContinuousClock.now < deadline {
            guard try Poller.readable([raw], timeout: .milliseconds(100))[0], let reply = try raw.receive(wait: false) else { continue }
            if reply.count >= 2, reply[1] == Array("ERR".utf8) { errors += 1 }
        }
        #expect(errors == 5, "every addressable malformed request gets ERR")
        raw.close()

        let client = try await RequestClient.start(transport: transport, upstream: publisher.upstream)
        #expect(try await client.status() == ["stage": "test"])
        await client.close()
        await publisher.stop()
        await transport.shutdown()
    }

    @Test func garbageFromARawPublisherIsCountedAndIgnored() async throws {
        let transport = try await makeTransport()
        let publisher = try await EventPublisher.start(transport: transport, settings: loopbackSettings())
        let context = try Context()
        let rawPub = try Socket(context, type: .pub)
        try rawPub.bind("tcp://127.0.0.1:*")
        let rawRouter = try Socket(context, type: .router)
        try rawRouter.bind("tcp://127.0.0.1:*")
        let fake = Upstream(pub: try rawPub.lastEndpoint(), router: try rawRouter.lastEndpoint())
        let subscriber = try await EventSubscriber.start(transport: transport, settings: fastSettings([publisher.upstream, fake]))
        let collector = EventCollector(subscriber)
        let flooded = try await eventually {
            try rawPub.send([Array("revision.x".utf8), Array("{not json".utf8)])
            try rawPub.send([Array("x".utf8)])
            return subscriber.statistics.malformed >= 2
        }
        #expect(flooded)
        publisher.publish(event("revision.good", "good"))
        #expect(await eventually { collector.topics == ["revision.good"] })
        rawPub.close()
        rawRouter.close()
        await subscriber.stop()
        await publisher.stop()
        await transport.shutdown()
    }
}
