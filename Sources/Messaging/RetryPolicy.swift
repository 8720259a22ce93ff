/// Lazy Pirate settings: how long to wait for one reply and how often to reopen and resend.
public struct RetryPolicy: Sendable, Hashable {
    public var timeout: Duration
    /// Attempts in all, the first included.
    public var attempts: Int

    public init(timeout: Duration = .seconds(2), attempts: Int = 3) {
        self.timeout = timeout
        self.attempts = max(1, attempts)
    }

    public static let `default` = RetryPolicy()
}
