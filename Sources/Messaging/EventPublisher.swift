import Foundation
import ServiceLifecycle
import ZeroMQ

/// A stage's outgoing side (the Clone pattern's server): publishes keyed events on PUB, keeps
/// the latest per key, heartbeats, and answers SNAPSHOT, GET, TRIGGER and STATUS on ROUTER.
public final class EventPublisher: Service, Sendable {
    /// This process's random epoch; subscribers resync when it changes.
    public let epoch: String
    /// The endpoints actually bound (ports chosen for `*` filled in).
    public let pubEndpoint: String
    public let routerEndpoint: String
    private let loop: SocketLoop<PublisherCore>

    private init(epoch: String, pubEndpoint: String, routerEndpoint: String, loop: SocketLoop<PublisherCore>) {
        self.epoch = epoch
        self.pubEndpoint = pubEndpoint
        self.routerEndpoint = routerEndpoint
        self.loop = loop
    }

    /// Binds both sockets on the publisher's own thread; throws `TransportError` when it cannot.
    public static func start(transport: Transport, settings: PublisherSettings) async throws -> EventPublisher {
        let epoch = UUID().uuidString.lowercased()
        let endpoints = Locked<(String, String)>(("", ""))
        let loop = try await SocketLoop.start(context: transport.context, name: "publisher") {
            let core = try PublisherCore(transport: transport, settings: settings, epoch: epoch)
            let bound = (try core.pub.lastEndpoint(), try core.router.lastEndpoint())
            endpoints.withLock { $0 = bound }
            return core
        }
        let (pub, router) = endpoints.withLock { $0 }
        return EventPublisher(epoch: epoch, pubEndpoint: pub, routerEndpoint: router, loop: loop)
    }

    /// Publishes `event` as its key's new state.
    public func publish(_ event: Event) {
        loop.perform { $0.publish(event) }
    }

    /// Test seam: advances seq and the state without sending, as if the message were lost.
    func publishLost(_ event: Event) {
        loop.perform { $0.publish(event, send: false) }
    }

    /// Runs until graceful shutdown or cancellation, then closes the sockets.
    public func run() async throws {
        try? await gracefulShutdown()
        await stop()
    }

    /// Closes both sockets and ends the thread.
    public func stop() async {
        await loop.stop()
    }
}
