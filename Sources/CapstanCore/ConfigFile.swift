#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a config file whole, with the system's reason when it cannot.
enum ConfigFile {
    struct ReadError: Error {
        var reason: String
    }

    static func contents(atPath path: String) throws(ReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(reason: "cannot open the config file: \(systemReason())") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(reason: "cannot read the config file: \(systemReason())")
            }
            bytes += chunk[0..<count]
        }
    }

    private static func systemReason() -> String {
        String(cString: strerror(errno))
    }
}
