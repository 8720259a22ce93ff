import Logging
import ZeroMQ

/// The ZAP handler of RFC 27 on `inproc://zeromq.zap.01`: admits a CURVE client only when its
/// public key is allow-listed. It must run whenever CURVE does, because libzmq admits every
/// key when no handler answers.
final class ZAPHandler: LoopHandler {
    private let router: Socket
    private let allowed: Set<[UInt8]>
    private let logger: Logger

    init(context: Context, allowed: Set<String>, logger: Logger) throws {
        router = try Socket(context, type: .router)
        try router.bind("inproc://zeromq.zap.01")
        self.allowed = Set(allowed.compactMap(Z85.decode))
        self.logger = logger
    }

    var pollSockets: [Socket] { [router] }

    func readable(_ socket: Socket) {
        while let frames = try? router.receive(wait: false) {
            guard frames.count >= 8 else { continue }  // not a ZAP request: nothing to answer
            let (code, text) = decide(frames)
            let reply: [[UInt8]] = [frames[0], [], Array("1.0".utf8), frames[3], Array(code.utf8), Array(text.utf8), [], []]
            try? router.send(reply, wait: false)
        }
    }

    /// RFC 27 request: [peer][empty][version][request id][domain][address][identity][mechanism][credentials…].
    private func decide(_ frames: [[UInt8]]) -> (String, String) {
        let address = String(decoding: frames[5], as: UTF8.self)
        guard String(decoding: frames[2], as: UTF8.self) == "1.0" else { return ("400", "bad ZAP version") }
        guard String(decoding: frames[4], as: UTF8.self) == Transport.zapDomain else { return ("400", "unknown domain") }
        guard String(decoding: frames[7], as: UTF8.self) == "CURVE", frames.count >= 9, frames[8].count == 32 else {
            logger.warning("refused a client without CURVE", metadata: ["address": "\(address)"])
            return ("400", "CURVE required")
        }
        guard allowed.contains(frames[8]) else {
            logger.warning("refused an unknown CURVE key", metadata: ["address": "\(address)", "key": "\(Z85.encode(frames[8]) ?? "?")"])
            return ("400", "key not allowed")
        }
        return ("200", "OK")
    }

    func nextTick(now: ContinuousClock.Instant) -> Duration? { nil }
    func tick(now: ContinuousClock.Instant) {}
    func close() { router.close() }
}
