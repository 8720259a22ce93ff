import Foundation

/// A remote's address taken apart: enough to probe it, match `known_hosts`, and redact it.
public struct RemoteURL: Sendable, Equatable {
    /// The closed set of transports Capstan speaks.
    public enum Transport: Sendable, Equatable { case local, git, http, https, ssh }

    public let transport: Transport
    public let user: String?
    public let host: String
    public let port: Int

    /// Parses `scheme://[user[:password]@]host[:port]/path`, scp-style `[user@]host:path`, or a local path.
    public init(_ text: String) {
        if let schemeEnd = text.range(of: "://") {
            let scheme = text[..<schemeEnd.lowerBound].lowercased()
            let rest = text[schemeEnd.upperBound...]
            let authority = rest.prefix { $0 != "/" }
            let (user, hostPort) = RemoteURL.splitUser(Substring(authority))
            let transport: Transport = switch scheme {
            case "git": .git
            case "http": .http
            case "https": .https
            case "ssh", "git+ssh", "ssh+git": .ssh
            default: .local
            }
            let (host, port) = RemoteURL.splitPort(hostPort, default: RemoteURL.defaultPort(transport))
            self.init(transport: transport, user: user, host: host, port: port)
        } else if let colon = text.firstIndex(of: ":"), !text.hasPrefix("/"), !text.hasPrefix("."),
                  !text[..<colon].contains("/") {
            let (user, host) = RemoteURL.splitUser(text[..<colon])
            self.init(transport: .ssh, user: user, host: String(host), port: 22)
        } else {
            self.init(transport: .local, user: nil, host: "", port: 0)
        }
    }

    init(transport: Transport, user: String?, host: String, port: Int) {
        self.transport = transport
        self.user = user
        self.host = host
        self.port = port
    }

    private static func splitUser(_ authority: Substring) -> (String?, Substring) {
        guard let at = authority.lastIndex(of: "@") else { return (nil, authority) }
        let userInfo = authority[..<at]
        let user = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
        return (user?.removingPercentEncodingIfPossible, authority[authority.index(after: at)...])
    }

    private static func splitPort(_ hostPort: Substring, default port: Int) -> (String, Int) {
        if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {
            let host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            return (host, after.hasPrefix(":") ? Int(after.dropFirst()) ?? port : port)
        }
        guard let colon = hostPort.lastIndex(of: ":"), let number = Int(hostPort[hostPort.index(after: colon)...])
        else { return (String(hostPort), port) }
        return (String(hostPort[..<colon]), number)
    }

    private static func defaultPort(_ transport: Transport) -> Int {
        switch transport {
        case .git: 9418
        case .http: 80
        case .https: 443
        case .ssh: 22
        case .local: 0
        }
    }

    /// `text` with the password or token of every URL in it replaced by `***`, safe for logs, events and errors.
    public static func redact(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { redactOne(String($0)) }.joined(separator: " ")
    }

    private static func redactOne(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        guard let at = authority.lastIndex(of: "@") else { return text }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<schemeEnd.upperBound]) + userInfo[..<colon] + ":***" + rest[at...]
    }
}

extension String {
    var removingPercentEncodingIfPossible: String { self.removingPercentEncoding ?? self }
}

extension Substring {
    var removingPercentEncodingIfPossible: String { String(self).removingPercentEncodingIfPossible }
}
