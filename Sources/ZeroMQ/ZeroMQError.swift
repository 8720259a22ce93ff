import CZeroMQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed libzmq call: which C function failed and libzmq's own message for errno.
public struct ZeroMQError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The C function that returned an error, e.g. `zmq_bind`.
    public let function: String
    /// The errno value read right after the call.
    public let code: Int32
    /// `zmq_strerror(code)`.
    public let message: String

    public var description: String { "\(function) failed: \(message) (errno \(code))" }

    /// The context was shut down; blocked calls return this so their thread can end.
    public var isTerminated: Bool { code == terminatedCode }
    /// A non-blocking call found nothing to do (EAGAIN).
    public var isWouldBlock: Bool { code == EAGAIN }
    /// A blocking call was interrupted by a signal and may be retried.
    public var isInterrupted: Bool { code == EINTR }
    /// A ROUTER with ROUTER_MANDATORY could not route to the peer.
    public var isHostUnreachable: Bool { code == EHOSTUNREACH }
}

/// Turns libzmq's `-1` into a `ZeroMQError`, reading errno on the same thread right after the call.
@discardableResult
@inline(__always)
func check(_ function: String, _ result: Int32) throws(ZeroMQError) -> Int32 {
    guard result == -1 else { return result }
    throw lastError(function)
}

/// The error for the call that just failed on this thread.
func lastError(_ function: String) -> ZeroMQError {
    let code = zmq_errno()
    return ZeroMQError(function: function, code: code, message: String(cString: zmq_strerror(code)))
}

/// libzmq's ETERM (ZMQ_HAUSNUMERO + 53 in zmq.h), spelled out because Swift does not import the macro.
let terminatedCode: Int32 = 156_384_712 + 53
