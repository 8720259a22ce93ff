import ZeroMQ

/// One upstream instance as a subscriber sees it: its SUB socket, its Lazy Pirate DEALER for
/// SNAPSHOT, and where in its epoch and seq the subscriber stands.
final class UpstreamLink {
    enum State: Equatable {
        case syncing
        case live(epoch: String, seq: UInt64)
    }

    let upstream: Upstream
    let sub: Socket
    let channel: PirateChannel
    var state = State.syncing
    /// Events that arrived while a snapshot was on its way, replayed after it.
    var buffered: [Envelope] = []
    var lastHeard: ContinuousClock.Instant

    init(transport: Transport, upstream: Upstream) throws {
        self.upstream = upstream
        sub = try transport.connectSocket(.sub, to: upstream.pub, serverKey: upstream.serverKey)
        do {
            // Every topic, filtered after the seq check: a socket-level filter would hide the
            // seq numbers of other topics and make every skipped event look like a gap.
            try sub.subscribe("")
            channel = try PirateChannel(transport: transport, endpoint: upstream.router, serverKey: upstream.serverKey)
        } catch {
            sub.close()
            throw error
        }
        lastHeard = .now
    }

    func close() {
        sub.close()
        channel.close()
    }
}
