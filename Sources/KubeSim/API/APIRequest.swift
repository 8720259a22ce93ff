/// One HTTP request as the API layer sees it, free of any server framework type.
public struct APIRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [String: String]
    public var contentType: String
    public var accept: String
    public var userAgent: String
    public var authorization: String?
    public var body: [UInt8]

    public init(
        method: String, path: String, query: [String: String] = [:], contentType: String = "application/json",
        accept: String = "application/json", userAgent: String = "capstan", authorization: String? = nil, body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.contentType = contentType
        self.accept = accept
        self.userAgent = userAgent
        self.authorization = authorization
        self.body = body
    }

    /// Splits `path?query` and percent-decodes the query.
    public init(method: String, target: String, contentType: String = "application/json", body: [UInt8] = []) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [String: String] = [:]
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query[Self.decode(kv[0])] = kv.count > 1 ? Self.decode(kv[1]) : ""
            }
        }
        self.init(method: method, path: String(parts[0]), query: query, contentType: contentType, body: body)
    }

    /// Percent-decoding with `+` as a space, as Go's `url.ParseQuery` does.
    public static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    var isDryRun: Bool { query["dryRun"] == "All" }
}
