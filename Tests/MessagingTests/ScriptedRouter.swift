import Messaging
import ZeroMQ

/// A raw ROUTER for tests: ignores the first `ignoring` requests, answers the rest with
/// `[id][OK][{"attempt": n}]`, and records each request's routing id.
final class ScriptedRouter: LoopHandler {
    let socket: Socket
    let peers: Locked<[[UInt8]]>
    private let ignoring: Int

    init(context: Context, ignoring: Int, peers: Locked<[[UInt8]]>) throws {
        socket = try Socket(context, type: .router)
        try socket.bind("tcp://127.0.0.1:*")
        self.ignoring = ignoring
        self.peers = peers
    }

    var pollSockets: [Socket] { [socket] }

    func readable(_ socket: Socket) {
        while let frames = try? socket.receive(wait: false), frames.count >= 2 {
            let count = peers.withLock { peers in
                peers.append(frames[0])
                return peers.count
            }
            if count > ignoring {
                try? socket.send([frames[0], frames[1], Array("OK".utf8), Array("{\"attempt\":\(count)}".utf8)])
            }
        }
    }

    func nextTick(now: ContinuousClock.Instant) -> Duration? { nil }
    func tick(now: ContinuousClock.Instant) {}
    func close() { socket.close() }
}
