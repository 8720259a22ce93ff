/// A token bucket: at most `burst` requests at once, refilled at `qps` per second, like client-go's.
///
/// Callers reserve a slot and sleep outside the actor, so waiting never blocks other callers.
actor RateLimiter {
    private let qps: Double
    private let burst: Double
    private var tokens: Double
    private var last: ContinuousClock.Instant

    init(qps: Double, burst: Int) {
        self.qps = qps
        self.burst = Double(max(1, burst))
        tokens = Double(max(1, burst))
        last = .now
    }

    /// Waits until one request may go out. A qps of zero or less means no limit.
    nonisolated func acquire() async throws {
        guard qps > 0 else { return }
        let wait = await reserve()
        if wait > .zero { try await Task.sleep(for: wait) }
    }

    private func reserve() -> Duration {
        let now = ContinuousClock.now
        let elapsed = last.duration(to: now)
        last = now
        tokens = min(burst, tokens + elapsed.seconds * qps)
        tokens -= 1
        return tokens >= 0 ? .zero : .seconds(-tokens / qps)
    }
}

extension Duration {
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
