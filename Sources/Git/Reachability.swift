import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP connect with a deadline before libgit2 connects, since libgit2 1.5 has no connect timeout of its own.
enum Reachability {
    static func probe(host: String, port: Int, timeout: Double) throws(GitError) {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let list else {
            throw GitError(function: "connect", message: "cannot resolve host \(host)", kind: .other)
        }
        defer { freeaddrinfo(list) }
        var address: UnsafeMutablePointer<addrinfo>? = list
        var reason = "no address"
        while let current = address {
            if let failure = connect(current.pointee, timeout: timeout) { reason = failure } else { return }
            address = current.pointee.ai_next
        }
        throw GitError(function: "connect", message: "cannot reach \(host):\(port): \(reason)", kind: reason.contains("timed out") ? .timeout : .other)
    }

    /// nil when connected; otherwise why not.
    private static func connect(_ info: addrinfo, timeout: Double) -> String? {
        let fd = socket(info.ai_family, info.ai_socktype, info.ai_protocol)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        if Glibc.connect(fd, info.ai_addr, info.ai_addrlen) == 0 { return nil }
        guard errno == EINPROGRESS else { return String(cString: strerror(errno)) }
        var pollfd = Glibc.pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        let ready = poll(&pollfd, 1, Int32(timeout * 1000))
        guard ready > 0 else { return ready == 0 ? "connect timed out after \(Int(timeout))s" : String(cString: strerror(errno)) }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        return error == 0 ? nil : String(cString: strerror(error))
    }
}
