import Foundation

/// A minimal HTTP/1.1 client over a POSIX socket, run on its own thread so the test never blocks the
/// cooperative pool; enough to check status codes and bodies of the stage endpoints.
public enum LoopbackHTTP {
    /// Status code and (de-chunked) body of one response.
    public struct Reply: Sendable {
        public var status: Int
        public var body: String
    }

    /// A request that could not be made or answered, with the socket call and errno.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func get(port: Int, path: String) async throws -> Reply {
        try await request("GET", port: port, path: path)
    }

    public static func request(_ method: String, port: Int, path: String, body: String = "", headers: [String: String] = [:]) async throws -> Reply {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try blockingRequest(method, port: port, path: path, body: body, headers: headers) })
            }
        }
    }

    private static func blockingRequest(_ method: String, port: Int, path: String, body: String, headers: [String: String]) throws -> Reply {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(description: "connect to 127.0.0.1:\(port) failed: errno \(errno)") }
        let request = Array(
            ("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
                + headers.map { "\($0.key): \($0.value)\r\n" }.joined() + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)").utf8
        )
        guard send(socket, request, request.count, Int32(MSG_NOSIGNAL)) == request.count else {
            throw Failure(description: "send failed: errno \(errno)")
        }
        return try parse(readAll(socket))
    }

    private static func readAll(_ socket: Int32) throws -> [UInt8] {
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 { return response }
            guard count > 0 else { throw Failure(description: "recv failed: errno \(errno)") }
            response += buffer[0..<count]
        }
    }

    private static func parse(_ bytes: [UInt8]) throws -> Reply {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n"), text.hasPrefix("HTTP/1.1 "),
            let status = Int(text.dropFirst(9).prefix(3))
        else { throw Failure(description: "not an HTTP response: \(text.prefix(200))") }
        let head = text[..<headerEnd.lowerBound].lowercased()
        var body = String(text[headerEnd.upperBound...])
        if head.contains("transfer-encoding: chunked") { body = dechunk(body) }
        return Reply(status: status, body: body)
    }

    private static func dechunk(_ body: String) -> String {
        var rest = Array(body.utf8)[...]
        var out: [UInt8] = []
        while let lineEnd = rest.firstIndex(of: UInt8(ascii: "\r")),
            let size = Int(String(decoding: rest[..<lineEnd], as: UTF8.self), radix: 16), size > 0
        {
            let start = lineEnd + 2
            out += rest[start..<min(start + size, rest.endIndex)]
            rest = rest[min(start + size + 2, rest.endIndex)...]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
