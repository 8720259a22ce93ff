import CapstanCore
@testable import Messaging
import Testing
import ZeroMQ

@Suite struct CurveTests {
    @Test func admitsAnAllowListedKeyAndRefusesAnUnknownOne() async throws {
        let server = try CurveKeyPair.generate()
        let friend = try CurveKeyPair.generate()
        let stranger = try CurveKeyPair.generate()
        let serverTransport = try await makeTransport(.curve(CurveSecurity(keyPair: server, allowedClientKeys: [friend.publicKey])))
        let publisher = try await EventPublisher.start(transport: serverTransport, settings: loopbackSettings(handler: FixtureHandler()))
        publisher.publish(event("revision.secret", "secret"))
        let upstream = Upstream(pub: publisher.pubEndpoint, router: publisher.routerEndpoint, serverKey: server.publicKey)

        let friendTransport = try await makeTransport(.curve(CurveSecurity(keyPair: friend, allowedClientKeys: [])))
        let friendClient = try await RequestClient.start(transport: friendTransport, upstream: upstream)
        #expect(try await friendClient.status() == ["stage": "test"])
        let subscriber = try await EventSubscriber.start(transport: friendTransport, settings: fastSettings([upstream]))
        let collector = EventCollector(subscriber)
        #expect(await eventually { collector.topics == ["revision.secret"] })

        let strangerTransport = try await makeTransport(.curve(CurveSecurity(keyPair: stranger, allowedClientKeys: [])))
        let strangerClient = try await RequestClient.start(
            transport: strangerTransport, upstream: upstream, policy: RetryPolicy(timeout: .milliseconds(300), attempts: 2))
        await #expect(throws: RequestError.timeout(endpoint: publisher.routerEndpoint, attempts: 2)) { try await strangerClient.status() }

        await strangerClient.close()
        await subscriber.stop()
        await friendClient.close()
        await publisher.stop()
        for transport in [strangerTransport, friendTransport, serverTransport] { await transport.shutdown() }
    }

    @Test func plainTextOutsideLoopbackNeedsInsecure() async throws {
        let transport = try await makeTransport(.loopback)
        await #expect(throws: TransportError.self) {
            try await EventPublisher.start(transport: transport, settings: loopbackSettings(pub: "tcp://0.0.0.0:*"))
        }
        await transport.shutdown()
    }

    @Test func keyPairsAreZ85AndRoundTrip() throws {
        let pair = try CurveKeyPair.generate()
        #expect(pair.publicKey.utf8.count == 40 && pair.secretKey.utf8.count == 40)
        #expect(try CurveKeyPair.publicKey(forSecret: pair.secretKey) == pair.publicKey)
        let raw = try #require(Z85.decode(pair.publicKey))
        #expect(raw.count == 32 && Z85.encode(raw) == pair.publicKey)
    }
}
