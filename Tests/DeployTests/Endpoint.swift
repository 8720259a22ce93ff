/// The host and port of a `tcp://host:port` endpoint or a `host:port` listen address.
struct Endpoint: Equatable, CustomStringConvertible {
    var host: String
    var port: Int

    init?(_ text: String) {
        let address = text.hasPrefix("tcp://") ? String(text.dropFirst(6)) : text
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else { return nil }
        host = String(address[..<colon])
        self.port = port
    }

    var description: String { "\(host):\(port)" }
}
