import CapstanCore
import FetcherTesting
import Messaging
import Synchronization

/// Stands in for `capstan-renderer run`: publishes `bundle.<app>` events and serves GET <bundle digest>.
final class RendererDouble: Sendable {
    let transport: Transport
    let publisher: EventPublisher
    let bundles: BundleShelf
    let pub: String
    let router: String

    init() async throws {
        pub = "tcp://127.0.0.1:\(FreePort.next())"
        router = "tcp://127.0.0.1:\(FreePort.next())"
        bundles = BundleShelf()
        transport = try await Transport.start()
        publisher = try await EventPublisher.start(transport: transport, settings: PublisherSettings(pub: pub, router: router, requestHandler: bundles))
    }

    /// Publishes `yaml` as the app's new bundle; returns its digest.
    @discardableResult
    func publish(app: String, revision: String, yaml: String) -> Digest {
        let bytes = Array(yaml.utf8)
        let digest = Digest(of: bytes)
        bundles.store(digest, bytes)
        publisher.publish(Event(topic: "bundle.\(app)", fields: [
            "app": .string(app), "source": "repo", "revision": .string(revision), "artifact": .string(Digest(of: Array(revision.utf8)).description),
            "digest": .string(digest.description), "objects": .int(Int64(yaml.components(separatedBy: "\nkind:").count - 1)),
        ]))
        return digest
    }

    func stop() async {
        await publisher.stop()
        await transport.shutdown()
    }
}

/// The bundles the double serves, by digest.
final class BundleShelf: RequestHandler {
    private let shelf = Mutex<[Digest: [UInt8]]>([:])

    func store(_ digest: Digest, _ bytes: [UInt8]) { shelf.withLock { $0[digest] = bytes } }

    func payload(for digest: Digest) -> (any PayloadSource)? {
        shelf.withLock { $0[digest] }.map(BytesPayload.init)
    }
}
