import CapstanCore
import Foundation
@testable import Messaging
import Testing
import ZeroMQ

@Suite struct RequestTests {
    @Test func retriesOnAFreshSocketAfterATimeout() async throws {
        let context = try Context()
        let peers = Locked<[[UInt8]]>([])
        let endpoint = Locked("")
        let router = try await SocketLoop.start(context: context, name: "scripted") {
            let handler = try ScriptedRouter(context: context, ignoring: 1, peers: peers)
            let bound = try handler.socket.lastEndpoint()
            endpoint.withLock { $0 = bound }
            return handler
        }
        let transport = try await makeTransport()
        let client = try await RequestClient.start(
            transport: transport, upstream: Upstream(pub: "", router: endpoint.withLock { $0 }),
            policy: RetryPolicy(timeout: .milliseconds(200), attempts: 3))
        let status = try await client.status()
        #expect(status["attempt"] == 2)
        let routingIDs = peers.withLock { $0 }
        #expect(routingIDs.count == 2 && routingIDs[0] != routingIDs[1], "the retry must come from a reopened socket")
        await client.close()
        await router.stop()
        await transport.shutdown()
    }

    @Test func failsWithTimeoutAfterEveryAttempt() async throws {
        let transport = try await makeTransport()
        let client = try await RequestClient.start(
            transport: transport, upstream: Upstream(pub: "", router: "tcp://127.0.0.1:1"),
            policy: RetryPolicy(timeout: .milliseconds(100), attempts: 2))
        await #expect(throws: RequestError.timeout(endpoint: "tcp://127.0.0.1:1", attempts: 2)) { try await client.status() }
        await client.close()
        await #expect(throws: RequestError.closed) { try await client.status() }
        await transport.shutdown()
    }

    @Test func answersStatusAndTrigger() async throws {
        let transport = try await makeTransport()
        let publisher = try await EventPublisher.start(transport: transport, settings: loopbackSettings(handler: FixtureHandler()))
        let client = try await RequestClient.start(transport: transport, upstream: publisher.upstream)
        #expect(try await client.status() == ["stage": "test"])
        #expect(try await client.trigger("known") == ["triggered": "known"])
        await #expect(throws: RequestError.refused(endpoint: publisher.routerEndpoint, reason: "unknown trigger 'other'")) {
            try await client.trigger("other")
        }
        #expect(try await client.perform("PAUSE", name: "shop") == ["verb": "PAUSE", "name": "shop"])
        await #expect(throws: RequestError.refused(endpoint: publisher.routerEndpoint, reason: "unknown request 'RESUME shop'")) {
            try await client.perform("RESUME", name: "shop")
        }
        await client.close()
        await publisher.stop()
        await transport.shutdown()
    }

    @Test func getsFiftyMegabytesInChunksAndChecksTheDigest() async throws {
        var bytes = [UInt8](repeating: 0, count: 50 << 20)
        for index in stride(from: 0, to: bytes.count, by: 4096) { bytes[index] = UInt8(truncatingIfNeeded: index >> 12) }
        let digest = Digest(of: bytes)
        let transport = try await makeTransport()
        let publisher = try await EventPublisher.start(
            transport: transport, settings: loopbackSettings(handler: FixtureHandler(payloads: [digest: BytesPayload(bytes)])))
        let client = try await RequestClient.start(transport: transport, upstream: publisher.upstream)
        let received = try await client.get(digest)
        #expect(received.count == bytes.count)
        #expect(received == bytes)
        await #expect(throws: RequestError.malformedReply(
            endpoint: publisher.routerEndpoint, reason: "payload of \(50 << 20) bytes is over the \(1 << 20)-byte limit")) {
            try await client.get(digest, maxBytes: 1 << 20)
        }
        await #expect(throws: RequestError.refused(endpoint: publisher.routerEndpoint, reason: "unknown digest \(Digest(of: [1]))")) {
            try await client.get(Digest(of: [1]))
        }
        await client.close()
        await publisher.stop()
        await transport.shutdown()
    }

    @Test func streamsAPayloadIntoAFileOnlyWhenItsDigestMatches() async throws {
        var bytes = [UInt8](repeating: 0, count: (5 << 20) + 123)
        for index in stride(from: 0, to: bytes.count, by: 1000) { bytes[index] = UInt8(truncatingIfNeeded: index / 1000) }
        let digest = Digest(of: bytes)
        let corrupt = [UInt8](repeating: 1, count: 3 << 20)
        let corruptDigest = Digest(of: corrupt)
        let handler = FixtureHandler(payloads: [
            digest: BytesPayload(bytes), corruptDigest: CorruptPayload(bytes: corrupt, corruptAt: (1 << 20) + 1),
        ])
        let transport = try await makeTransport()
        let publisher = try await EventPublisher.start(transport: transport, settings: loopbackSettings(handler: handler))
        let client = try await RequestClient.start(transport: transport, upstream: publisher.upstream)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("get-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        try await client.get(digest, to: directory + "/good.tar.gz")
        #expect(FileManager.default.contents(atPath: directory + "/good.tar.gz") == Data(bytes))
        await #expect(throws: RequestError.self) { try await client.get(corruptDigest, to: directory + "/bad.tar.gz") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["good.tar.gz"])
        await client.close()
        await publisher.stop()
        await transport.shutdown()
    }

    @Test func refusesACorruptedChunk() async throws {
        let bytes = [UInt8](repeating: 7, count: 3 << 20)
        let digest = Digest(of: bytes)
        let transport = try await makeTransport()
        let handler = FixtureHandler(payloads: [digest: CorruptPayload(bytes: bytes, corruptAt: (2 << 20) + 5)])
        let publisher = try await EventPublisher.start(transport: transport, settings: loopbackSettings(handler: handler))
        let client = try await RequestClient.start(transport: transport, upstream: publisher.upstream)
        var corrupted = bytes
        corrupted[(2 << 20) + 5] ^= 0xFF
        await #expect(throws: RequestError.digestMismatch(expected: digest, actual: Digest(of: corrupted))) {
            try await client.get(digest)
        }
        await client.close()
        await publisher.stop()
        await transport.shutdown()
    }
}

/// Serves `bytes` with one byte flipped, as a damaged disk or a man in the middle would.
struct CorruptPayload: PayloadSource {
    let bytes: [UInt8]
    let corruptAt: Int
    var size: Int { bytes.count }
    func read(offset: Int, length: Int) throws -> [UInt8] {
        var chunk = try BytesPayload(bytes).read(offset: offset, length: length)
        if (offset..<offset + chunk.count).contains(corruptAt) { chunk[corruptAt - offset] ^= 0xFF }
        return chunk
    }
}
