import CZeroMQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One libzmq context per process: owns the I/O threads every socket uses, and its shutdown
/// unblocks every socket thread at once.
///
/// `@unchecked Sendable`: libzmq documents contexts as thread-safe; this class holds only the
/// handle and never mutates it after init.
public final class Context: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    /// Creates a context with libzmq's defaults (one I/O thread).
    public init() throws(ZeroMQError) {
        guard let handle = zmq_ctx_new() else { throw lastError("zmq_ctx_new") }
        self.handle = handle
    }

    /// Makes every blocking call on every socket of this context return ETERM, so socket
    /// threads close their sockets and end. Safe to call more than once.
    public func shutdown() {
        _ = zmq_ctx_shutdown(handle)
    }

    deinit {
        // Sockets hold a strong reference to their context, so by now every socket is closed and
        // zmq_ctx_term cannot block on one.
        while zmq_ctx_term(handle) == -1, zmq_errno() == EINTR {}
    }
}
