import CapstanCore

/// The answer to an `APIRequest`: a status, headers and either a whole body or a stream of chunks.
public struct APIResponse: Sendable {
    /// A complete body, or a watch stream written chunk by chunk.
    public enum Body: Sendable {
        case bytes([UInt8])
        case stream(AsyncStream<String>)
        /// Close the connection without answering (a simulated network fault).
        case dropConnection
    }

    public var status: Int
    public var headers: [(String, String)]
    public var body: Body

    public init(status: Int, headers: [(String, String)] = [], body: Body) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func json(_ value: JSONValue, status: Int = 200, contentType: String = "application/json") -> APIResponse {
        APIResponse(status: status, headers: [("Content-Type", contentType)], body: .bytes(JSONBytes.serialize(value)))
    }

    static func text(_ text: String, status: Int = 200) -> APIResponse {
        APIResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: .bytes(Array(text.utf8)))
    }

    static func status(_ error: APIStatus) -> APIResponse {
        var response = json(error.json, status: error.code)
        if let seconds = error.retryAfterSeconds { response.headers.append(("Retry-After", String(seconds))) }
        return response
    }

    /// The body as text, for tests; empty for streams.
    public var text: String {
        if case .bytes(let bytes) = body { return String(decoding: bytes, as: UTF8.self) }
        return ""
    }

    /// The body parsed as JSON, for tests.
    public var json: JSONValue? {
        if case .bytes(let bytes) = body { return try? JSONValue.parse(bytes) }
        return nil
    }
}
