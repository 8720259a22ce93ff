/// Where a stage's HTTP endpoints listen: `host:port`, `[v6]:port`, or a bare port on 127.0.0.1.
public struct HTTPAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Loopback on `port`: stages expose nothing beyond the machine unless told to.
    public static func loopback(port: Int) -> HTTPAddress {
        HTTPAddress(host: "127.0.0.1", port: port)
    }

    /// Parses `127.0.0.1:9401`, `0.0.0.0:9401`, `[::1]:9401` or `9401`; nil when it is none of them.
    public init?(parsing text: String) {
        if let port = Self.port(Substring(text)) {
            self.init(host: "127.0.0.1", port: port)
            return
        }
        guard let colon = text.lastIndex(of: ":"), let port = Self.port(text[text.index(after: colon)...]) else {
            return nil
        }
        var host = text[..<colon]
        if host.hasPrefix("[") && host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "/" }) else { return nil }
        if host.contains(":") && !text.hasPrefix("[") { return nil }
        self.init(host: String(host), port: port)
    }

    private static func port(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy(\.isASCII), let port = Int(text), (0...65535).contains(port) else {
            return nil
        }
        return port
    }

    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
