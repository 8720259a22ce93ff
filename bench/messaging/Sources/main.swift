// Capstan's side of the messaging benchmark: the same PUB->SUB hop and 10 MB GET as raw.c,
// through EventPublisher, EventSubscriber and RequestClient. Prints key=value lines.
import CapstanCore
import Logging
import Messaging

struct Payloads: RequestHandler {
    let digest: Digest
    let source: BytesPayload
    func payload(for digest: Digest) -> (any PayloadSource)? { digest == self.digest ? source : nil }
}

func microseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
}

enum Bench {
    static func run() async throws {
        let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
        let rounds = arguments.count > 0 ? arguments[0] : 200
        let hops = arguments.count > 1 ? arguments[1] : 5000
        let gets = arguments.count > 2 ? arguments[2] : 10
        let window = 1000

        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let transport = try await Transport.start(logger: logger)
        let payload = [UInt8](repeating: 7, count: 10 << 20)
        let payloadDigest = Digest(of: payload)
        let publisher = try await EventPublisher.start(
            transport: transport,
            settings: PublisherSettings(pub: "tcp://127.0.0.1:*", router: "tcp://127.0.0.1:*",
                                        requestHandler: Payloads(digest: payloadDigest, source: BytesPayload(payload))))
        let upstream = Upstream(pub: publisher.pubEndpoint, router: publisher.routerEndpoint)
        let subscriber = try await EventSubscriber.start(transport: transport, settings: SubscriberSettings(upstreams: [upstream]))
        var events = subscriber.events.makeAsyncIterator()

        // Distinct digests so de-duplication delivers every event, as real new revisions would be.
        let digests = (0..<1024).map { Digest(of: [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)]) }
        var counter = 0
        func nextEvent() -> Event {
            counter += 1
            return Event(topic: "bench.key", fields: ["digest": .string(digests[counter % digests.count].description)])
        }

        // Warm up: the snapshot, then one event through.
        publisher.publish(nextEvent())
        _ = await events.next()

        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<rounds {
            for _ in 0..<window { publisher.publish(nextEvent()) }
            for _ in 0..<window { _ = await events.next() }
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("pubsub_msgs_per_s=\(Int(Double(rounds * window) / seconds))")

        var latencies: [Double] = []
        for _ in 0..<hops {
            let t0 = clock.now
            publisher.publish(nextEvent())
            _ = await events.next()
            latencies.append(microseconds(clock.now - t0))
        }
        latencies.sort()
        print("pubsub_p50_us=\(latencies[hops / 2])\npubsub_p99_us=\(latencies[hops * 99 / 100])")

        let client = try await RequestClient.start(transport: transport, upstream: upstream)
        var times: [Double] = []
        for _ in 0..<gets {
            let t0 = clock.now
            let bytes = try await client.get(payloadDigest)
            precondition(bytes.count == payload.count)
            times.append(microseconds(clock.now - t0) / 1000)
        }
        times.sort()
        print("get10mb_p50_ms=\(times[gets / 2])\nget10mb_p99_ms=\(times[gets - 1])")
        await client.close()
        await subscriber.stop()
        await publisher.stop()
        await transport.shutdown()
    }
}

try await Bench.run()
