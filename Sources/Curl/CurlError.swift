/// A failed libcurl call: the C function, curl's code and message, and the transfer's own detail.
public struct CurlError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the failure means for a caller deciding whether to try again.
    public enum Category: Sendable, Hashable {
        /// The connection could not be made or broke; a retry may succeed.
        case connection
        /// The transfer ran past its timeout.
        case timeout
        /// TLS setup or verification failed; retrying will not help.
        case tls
        /// The caller cancelled the transfer.
        case cancelled
        /// Anything else (bad option, out of memory, bad URL).
        case other
    }

    public let function: String
    public let code: Int
    public let message: String
    public let detail: String
    public let category: Category

    public init(function: String, code: Int, message: String, detail: String, category: Category) {
        self.function = function
        self.code = code
        self.message = message
        self.detail = detail
        self.category = category
    }

    public var description: String {
        let base = "\(function) failed: \(message) (curl code \(code))"
        return detail.isEmpty || detail == message ? base : "\(base): \(detail)"
    }

    /// True when trying the same request again may succeed.
    public var isRetryable: Bool { category == .connection || category == .timeout }
}
