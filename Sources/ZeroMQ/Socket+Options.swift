import CZeroMQ

/// ZAP_ENFORCE_DOMAIN is in zmq.h's draft section, yet stable libzmq 4.3 builds honour it;
/// without it a CURVE server with no ZAP handler admits every client key.
private let zapEnforceDomain: Int32 = 93

extension Socket {
    /// ZMTP heartbeats: ping every `interval`, drop the peer after `timeout` with no traffic,
    /// and ask the peer to drop us after `ttl`.
    public func setHeartbeat(interval: Duration, timeout: Duration, ttl: Duration) throws(ZeroMQError) {
        try setOption(ZMQ_HEARTBEAT_IVL, interval.milliseconds)
        try setOption(ZMQ_HEARTBEAT_TIMEOUT, timeout.milliseconds)
        try setOption(ZMQ_HEARTBEAT_TTL, ttl.milliseconds)
    }

    /// Bounds the outgoing and incoming queues, in messages.
    public func setHighWaterMarks(send: Int32, receive: Int32) throws(ZeroMQError) {
        try setOption(ZMQ_SNDHWM, send)
        try setOption(ZMQ_RCVHWM, receive)
    }

    /// How long close waits to flush pending messages.
    public func setLinger(_ linger: Duration) throws(ZeroMQError) {
        try setOption(ZMQ_LINGER, linger.milliseconds)
    }

    /// Peers sending a bigger message are disconnected.
    public func setMaxMessageSize(_ bytes: Int64) throws(ZeroMQError) {
        try setOption(ZMQ_MAXMSGSIZE, bytes)
    }

    /// Queue messages only to completed connections.
    public func setImmediate(_ on: Bool) throws(ZeroMQError) {
        try setOption(ZMQ_IMMEDIATE, Int32(on ? 1 : 0))
    }

    /// A ROUTER reports unroutable messages (EHOSTUNREACH, or EAGAIN at the HWM) instead of
    /// dropping them silently.
    public func setRouterMandatory(_ on: Bool) throws(ZeroMQError) {
        try setOption(ZMQ_ROUTER_MANDATORY, Int32(on ? 1 : 0))
    }

    /// How long a connecting socket waits before reconnecting, and the upper bound of its backoff.
    public func setReconnect(interval: Duration, max: Duration) throws(ZeroMQError) {
        try setOption(ZMQ_RECONNECT_IVL, interval.milliseconds)
        try setOption(ZMQ_RECONNECT_IVL_MAX, max.milliseconds)
    }

    /// SUB: receive messages whose first frame starts with `prefix` ("" means everything).
    public func subscribe(_ prefix: String) throws(ZeroMQError) {
        try setOption(ZMQ_SUBSCRIBE, Array(prefix.utf8))
    }

    /// Makes this socket a CURVE server with the given Z85 secret key.
    public func setCurveServer(secretKey: String) throws(ZeroMQError) {
        try setOption(ZMQ_CURVE_SERVER, Int32(1))
        try setOption(ZMQ_CURVE_SECRETKEY, Array(secretKey.utf8))
    }

    /// Makes this socket a CURVE client of the server whose Z85 public key is `serverKey`.
    public func setCurveClient(serverKey: String, publicKey: String, secretKey: String) throws(ZeroMQError) {
        try setOption(ZMQ_CURVE_SERVERKEY, Array(serverKey.utf8))
        try setOption(ZMQ_CURVE_PUBLICKEY, Array(publicKey.utf8))
        try setOption(ZMQ_CURVE_SECRETKEY, Array(secretKey.utf8))
    }

    /// Sends this socket's handshakes to the ZAP handler under `domain`, and refuses peers when
    /// no handler answers instead of admitting them.
    public func setZAPDomain(_ domain: String) throws(ZeroMQError) {
        try setOption(ZMQ_ZAP_DOMAIN, Array(domain.utf8))
        try setOption(zapEnforceDomain, Int32(1))
    }

    func setOption(_ option: Int32, _ value: Int32) throws(ZeroMQError) {
        var value = value
        try check("zmq_setsockopt", zmq_setsockopt(try open(), option, &value, MemoryLayout<Int32>.size))
    }

    func setOption(_ option: Int32, _ value: Int64) throws(ZeroMQError) {
        var value = value
        try check("zmq_setsockopt", zmq_setsockopt(try open(), option, &value, MemoryLayout<Int64>.size))
    }

    func setOption(_ option: Int32, _ value: [UInt8]) throws(ZeroMQError) {
        let handle = try open()
        let result = value.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
        try check("zmq_setsockopt", result)
    }

    func stringOption(_ option: Int32) throws(ZeroMQError) -> String {
        var buffer = [CChar](repeating: 0, count: 1024)
        var size = buffer.count
        try check("zmq_getsockopt", zmq_getsockopt(try open(), option, &buffer, &size))
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension Duration {
    /// Whole milliseconds, clamped to libzmq's `int` options.
    var milliseconds: Int32 {
        let (seconds, attoseconds) = components
        let total = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: total)
    }
}
