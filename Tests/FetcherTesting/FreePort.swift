import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Ports on 127.0.0.1 for test servers.
public enum FreePort {
    /// Every port this process has handed out: a test often picks several ports before starting
    /// the servers that bind them, and two picks must never name the same port.
    private static let issued = Mutex<Set<Int>>([])

    /// Claims `port` for this process unless an earlier pick already did; true when claimed.
    public static func claim(_ port: Int) -> Bool {
        issued.withLock { $0.insert(port).inserted }
    }

    /// A port the kernel had free a moment ago (bind to 0, read it back, close) and that no
    /// earlier call in this process returned.
    public static func next() -> Int {
        while true {
            let port = kernelPick()
            if port != 0, claim(port) { return port }
        }
    }

    private static func kernelPick() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                _ = bind(fd, raw, length)
                _ = getsockname(fd, raw, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// True once something accepts TCP connections on 127.0.0.1:`port`.
    public static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// Polls until `port` accepts connections or `seconds` pass.
    public static func waitUntilAccepting(_ port: Int, seconds: Double = 10) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !accepts(port) {
            guard Date() < deadline else { throw ShellError(command: "wait for port \(port)", status: -1, stderr: "nothing listens after \(seconds)s") }
            usleep(20_000)
        }
    }
}
