import ZeroMQ

/// The options every Capstan socket gets: ZMTP heartbeats, bounded queues, a max message size
/// and a short linger, so a dead peer is noticed and a slow one cannot exhaust memory.
public struct SocketTuning: Sendable {
    public var heartbeatInterval: Duration = .seconds(1)
    public var heartbeatTimeout: Duration = .seconds(3)
    public var highWaterMark: Int32 = 10_000
    public var linger: Duration = .milliseconds(200)
    public var limits: MessageLimits = .default

    public init() {}

    func apply(to socket: Socket) throws(ZeroMQError) {
        try socket.setHeartbeat(interval: heartbeatInterval, timeout: heartbeatTimeout, ttl: heartbeatTimeout)
        try socket.setHighWaterMarks(send: highWaterMark, receive: highWaterMark)
        try socket.setMaxMessageSize(Int64(limits.maxMessageBytes))
        try socket.setLinger(linger)
        try socket.setReconnect(interval: .milliseconds(100), max: .seconds(2))
    }
}
