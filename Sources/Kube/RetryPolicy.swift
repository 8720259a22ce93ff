/// How often and how patiently a failed request is tried again.
///
/// Retried: connection errors, timeouts, 429, 5xx and optimistic-lock 409s. Never retried:
/// other 4xx (400, 403, 404, 422, apply conflicts) — the same request would fail the same way.
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts, the first included.
    public var maxAttempts: Int
    /// The first backoff; each next one doubles, up to `maxDelay`.
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// The longest `Retry-After` honoured; longer requests are capped.
    public var maxRetryAfter: Duration

    public init(
        maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(10),
        maxRetryAfter: Duration = .seconds(30)
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    public static let none = RetryPolicy(maxAttempts: 1)

    /// The wait before attempt `attempt + 1`: the server's Retry-After when given, else exponential
    /// backoff with up to 20 % jitter so clients that failed together do not retry together.
    func delay(afterAttempt attempt: Int, retryAfterSeconds: Int?) -> Duration {
        if let retryAfterSeconds { return min(.seconds(max(0, retryAfterSeconds)), maxRetryAfter) }
        let exponent = min(attempt - 1, 20)
        let backoff = min(baseDelay * (1 << exponent), maxDelay)
        return backoff + backoff * Double.random(in: 0..<0.2)
    }
}
