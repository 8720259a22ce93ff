import CapstanCore
import FetcherTesting
import Foundation
import Messaging
import Synchronization

/// A fetcher that announces one revision of source `other` and then hangs on every GET until
/// `release()`: what a fetcher that dies or stalls right after announcing looks like downstream.
final class StalledFetcher: Sendable {
    /// Blocks the publisher's socket thread in `payload(for:)` while closed, then answers "unknown".
    final class Handler: RequestHandler {
        let state = Mutex((open: false, arrived: 0))

        func payload(for digest: Digest) -> (any PayloadSource)? {
            state.withLock { $0.arrived += 1 }
            while !state.withLock({ $0.open }) { usleep(5_000) }
            return nil
        }
    }

    let pub = "tcp://127.0.0.1:\(FreePort.next())"
    let router = "tcp://127.0.0.1:\(FreePort.next())"
    let artifact = Digest(of: Array("an artifact nobody serves".utf8))
    private let handler = Handler()
    private let transport: Transport
    private let publisher: EventPublisher

    init() async throws {
        transport = try await Transport.start()
        publisher = try await EventPublisher.start(transport: transport, settings: PublisherSettings(pub: pub, router: router, requestHandler: handler))
        publisher.publish(Event(topic: "revision.other", fields: [
            "source": "other", "revision": .string("main@sha1:\(String(repeating: "a", count: 40))"), "digest": .string(artifact.description),
        ]))
    }

    /// GET requests that reached the handler so far.
    var getsArrived: Int { handler.state.withLock { $0.arrived } }

    /// Lets every held and later GET through (answered "unknown"), then stops.
    func release() async {
        handler.state.withLock { $0.open = true }
        await publisher.stop()
        await transport.shutdown()
    }
}
