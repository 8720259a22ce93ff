import CZeroMQ

/// One libzmq socket. Not `Sendable`: a socket is created, used and closed on one thread.
public final class Socket {
    /// The pattern this socket was created with.
    public let type: SocketType
    let context: Context
    private(set) var handle: UnsafeMutableRawPointer?

    /// Opens a socket of `type` in `context`, with linger 0 so closing never blocks.
    public init(_ context: Context, type: SocketType) throws(ZeroMQError) {
        guard let handle = zmq_socket(context.handle, type.rawValue) else { throw lastError("zmq_socket") }
        self.context = context
        self.type = type
        self.handle = handle
        try setOption(ZMQ_LINGER, Int32(0))
    }

    deinit { close() }

    /// Closes the socket; pending outgoing messages are dropped after the linger period.
    public func close() {
        guard let handle else { return }
        zmq_close(handle)
        self.handle = nil
    }

    /// True once `close()` ran.
    public var isClosed: Bool { handle == nil }

    func open() throws(ZeroMQError) -> UnsafeMutableRawPointer {
        guard let handle else {
            throw ZeroMQError(function: "socket", code: 88, message: "Socket operation on a closed socket")
        }
        return handle
    }

    /// Binds to `endpoint` (`tcp://127.0.0.1:7401`, `tcp://127.0.0.1:*`, `inproc://name`).
    public func bind(_ endpoint: String) throws(ZeroMQError) {
        try check("zmq_bind", zmq_bind(try open(), endpoint))
    }

    /// Connects to `endpoint`; libzmq reconnects by itself when the peer goes away.
    public func connect(_ endpoint: String) throws(ZeroMQError) {
        try check("zmq_connect", zmq_connect(try open(), endpoint))
    }

    /// The endpoint actually bound last, with the port chosen for `*`.
    public func lastEndpoint() throws(ZeroMQError) -> String {
        try stringOption(ZMQ_LAST_ENDPOINT)
    }
}
