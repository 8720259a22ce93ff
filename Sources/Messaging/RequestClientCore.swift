import ZeroMQ

/// The thread-bound side of `RequestClient`: one Lazy Pirate channel.
final class RequestClientCore: LoopHandler {
    let channel: PirateChannel

    init(transport: Transport, upstream: Upstream) throws {
        channel = try PirateChannel(transport: transport, endpoint: upstream.router, serverKey: upstream.serverKey)
    }

    var pollSockets: [Socket] { [channel.socket] }
    func readable(_ socket: Socket) { channel.receiveReplies() }
    func nextTick(now: ContinuousClock.Instant) -> Duration? { channel.nextDeadline().map { $0 - now } }
    func tick(now: ContinuousClock.Instant) { channel.expire(now: now) }
    func close() { channel.close() }
}
