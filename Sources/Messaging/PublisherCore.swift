import CapstanCore
import Logging
import ZeroMQ

/// The thread-bound side of `EventPublisher`: its PUB and ROUTER sockets, the latest event per
/// key, the sequence counter and the heartbeat timer.
final class PublisherCore: LoopHandler {
    let epoch: String
    let pub: Socket
    let router: Socket
    let handler: any RequestHandler
    let limits: MessageLimits
    let logger: Logger
    private(set) var seq: UInt64 = 0
    private(set) var latest: [String: Envelope] = [:]
    private let heartbeatInterval: Duration
    private var nextHeartbeat: ContinuousClock.Instant

    init(transport: Transport, settings: PublisherSettings, epoch: String) throws {
        self.epoch = epoch
        pub = try transport.bindSocket(.pub, to: settings.pub)
        do {
            router = try transport.bindSocket(.router, to: settings.router)
        } catch {
            pub.close()
            throw error
        }
        handler = settings.requestHandler
        limits = transport.tuning.limits
        logger = transport.logger
        heartbeatInterval = settings.heartbeatInterval
        nextHeartbeat = ContinuousClock.now
    }

    /// Stamps `event` with the next seq, keeps it as its key's state and, unless `send` is false
    /// (a test seam simulating loss), sends it.
    func publish(_ event: Event, send: Bool = true) {
        seq += 1
        let envelope = Envelope(event: event, epoch: epoch, seq: seq)
        latest[event.key] = envelope
        // PUB never blocks: at the high-water mark libzmq drops, and subscribers resync on the gap.
        if send { try? pub.send(EventCodec.encode(envelope), wait: false) }
    }

    var pollSockets: [Socket] { [router] }

    func readable(_ socket: Socket) {
        var budget = 256  // leave room for timers and commands under a flood
        while budget > 0, let frames = try? router.receive(wait: false) {
            budget -= 1
            answer(frames)
        }
    }

    func nextTick(now: ContinuousClock.Instant) -> Duration? { nextHeartbeat - now }

    func tick(now: ContinuousClock.Instant) {
        guard now >= nextHeartbeat else { return }
        let heartbeat = Envelope(event: Event(topic: EventCodec.heartbeatTopic), epoch: epoch, seq: seq)
        try? pub.send(EventCodec.encode(heartbeat), wait: false)
        nextHeartbeat = now + heartbeatInterval
    }

    func close() {
        pub.close()
        router.close()
    }
}
