/// How often and how patiently a request that found the API unreachable is retried.
public struct RetryPolicy: Sendable {
    public var attempts: Int
    public var initialDelay: Duration
    public var maximumDelay: Duration

    public init(attempts: Int = 5, initialDelay: Duration = .milliseconds(200), maximumDelay: Duration = .seconds(5)) {
        self.attempts = attempts
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
    }

    /// Runs `operation`, retrying unreachable-API errors with doubling delays; rejections are returned at once.
    public func run<T: Sendable>(_ operation: () async throws(ClusterError) -> T) async throws(ClusterError) -> T {
        var delay = initialDelay
        var attempt = 1
        while true {
            do {
                return try await operation()
            } catch where error.isRetryable && attempt < attempts {
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, maximumDelay)
                attempt += 1
            }
        }
    }
}
