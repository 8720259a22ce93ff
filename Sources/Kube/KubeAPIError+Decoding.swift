import CapstanCore
import Curl

extension KubeAPIError {
    /// The error for a non-2xx response: from its `Status` body when there is one, otherwise
    /// from the code, worded as client-go words it.
    init(response: HTTPResponse) {
        let retryAfter = response.header("retry-after").flatMap { Int($0.trimmingWhitespaceAndQuotes) }
        if let status = try? JSONValue.parse(response.body), status["kind"]?.stringValue == "Status" {
            self.init(status: status, httpCode: response.status)
            retryAfterSeconds = retryAfterSeconds ?? retryAfter
            return
        }
        let (reason, message) = Self.generic(code: response.status, body: response.body)
        self.init(code: response.status, reason: reason, message: message, retryAfterSeconds: retryAfter)
    }

    /// A `Status` object, as in an HTTP body or a watch ERROR event.
    public init(status: JSONValue, httpCode: Int = 0) {
        let details = status["details"] ?? .object([:])
        let causes = (details["causes"]?.arrayValue ?? []).map { cause in
            Cause(
                reason: cause["reason"]?.stringValue ?? "", message: cause["message"]?.stringValue ?? "",
                field: cause["field"]?.stringValue ?? "")
        }
        self.init(
            code: status["code"]?.intValue.map(Int.init) ?? httpCode, reason: status["reason"]?.stringValue ?? "",
            message: status["message"]?.stringValue ?? "unknown error (HTTP \(httpCode))", causes: causes,
            name: details["name"]?.stringValue ?? "", group: details["group"]?.stringValue ?? "",
            kind: details["kind"]?.stringValue ?? "", retryAfterSeconds: details["retryAfterSeconds"]?.intValue.map(Int.init))
    }

    private static func generic(code: Int, body: [UInt8]) -> (String, String) {
        switch code {
        case 400: return ("BadRequest", "the server rejected our request for an unknown reason")
        case 401: return ("Unauthorized", "the server has asked for the client to provide credentials")
        case 403: return ("Forbidden", "the server does not allow access to the requested resource")
        case 404: return ("NotFound", "the server could not find the requested resource")
        case 405: return ("MethodNotAllowed", "the server does not allow this method on the requested resource")
        case 409: return ("Conflict", "the server reported a conflict")
        case 410: return ("Expired", "the requested resource version is no longer available")
        case 422: return ("Invalid", "the server rejected our request due to an error in our request")
        case 429: return ("TooManyRequests", "the server has received too many requests and has asked us to try again later")
        case 503: return ("ServiceUnavailable", "the server is currently unable to handle the request")
        case 504: return ("Timeout", "the server was unable to return a response in the time allotted, but may still be processing the request")
        default:
            let text = String(decoding: body.prefix(200), as: UTF8.self)
            return (code >= 500 ? "InternalError" : "", "an error on the server (\"\(text)\") has prevented the request from succeeding (HTTP \(code))")
        }
    }
}

extension String {
    var trimmingWhitespaceAndQuotes: String {
        String(drop { " \"".contains($0) }.reversed().drop { " \"".contains($0) }.reversed())
    }
}
