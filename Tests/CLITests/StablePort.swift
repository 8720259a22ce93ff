import FetcherTesting
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Ports for stage daemons a test kills and restarts on the same endpoints: taken below the
/// kernel's ephemeral range (32768+ here), so while a stage is down its port cannot become the
/// local port of some outgoing connection — including a ZeroMQ peer's reconnect to that very
/// port, which on loopback can connect to itself and keep the restarted stage from binding.
enum StablePort {
    /// Ports already handed out by this process: a port picked for one stage is free until that
    /// stage binds it, so without this two stages of one stack could be given the same port.
    private static let given = Mutex<Set<Int>>([])

    static func next() -> Int {
        for _ in 0..<200 {
            let port = Int.random(in: 20000..<32000)
            if isFree(port), given.withLock({ $0.insert(port).inserted }) { return port }
        }
        return FreePort.next()
    }

    static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
