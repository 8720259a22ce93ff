/// A ROUTER's answer to one request: `OK` with body frames, or `ERR` with a reason.
public struct Reply: Sendable, Hashable {
    public var ok: Bool
    public var body: [[UInt8]]

    public init(ok: Bool, body: [[UInt8]]) {
        self.ok = ok
        self.body = body
    }

    /// An `ERR` reply carrying `reason`.
    public static func error(_ reason: String) -> Reply { Reply(ok: false, body: [Array(reason.utf8)]) }

    /// The frames after the request id: `[OK|ERR][body…]`.
    var frames: [[UInt8]] { [Array((ok ? "OK" : "ERR").utf8)] + body }

    /// Reads the frames after the request id.
    init(frames: [[UInt8]]) throws(MessageError) {
        guard let status = frames.first else { throw MessageError("empty reply") }
        switch String(decoding: status, as: UTF8.self) {
        case "OK": self.init(ok: true, body: Array(frames.dropFirst()))
        case "ERR": self.init(ok: false, body: Array(frames.dropFirst()))
        default: throw MessageError("reply status is neither OK nor ERR")
        }
    }

    /// The reason of an `ERR` reply.
    var reason: String { body.first.map { String(decoding: $0, as: UTF8.self) } ?? "no reason given" }
}
