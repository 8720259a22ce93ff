import CZeroMQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits until any of a set of sockets has input, or a timeout passes.
public enum Poller {
    /// Which of `sockets` are readable after waiting up to `timeout` (nil waits forever).
    /// A signal interruption returns no readable socket; a shut-down context throws ETERM.
    public static func readable(_ sockets: [Socket], timeout: Duration?) throws(ZeroMQError) -> [Bool] {
        var items = [zmq_pollitem_t]()
        items.reserveCapacity(sockets.count)
        for socket in sockets {
            items.append(zmq_pollitem_t(socket: try socket.open(), fd: 0, events: Int16(ZMQ_POLLIN), revents: 0))
        }
        let milliseconds = timeout.map { Int($0.milliseconds) } ?? -1
        let count = zmq_poll(&items, Int32(items.count), milliseconds)
        if count == -1 {
            let error = lastError("zmq_poll")
            if error.isInterrupted { return Array(repeating: false, count: sockets.count) }
            throw error
        }
        return items.map { $0.revents & Int16(ZMQ_POLLIN) != 0 }
    }
}
