import CapstanCore

extension AppBoard {
    /// Records a reconcile attempt; `applied` when every object was applied (health aside).
    func recordAttempt(_ app: String, digest: Digest, applied: Bool) {
        mutate(app) { state in
            state.attempted = digest
            if applied { state.applied = digest }
        }
    }

    /// Forgets which bundle was last attempted and applied, so the next wake-up reconciles in full.
    func forgetAttempts(_ app: String) {
        mutate(app) { state in
            state.attempted = nil
            state.applied = nil
        }
    }

    /// The next full resync of `app`, one interval from now.
    func scheduleResync(_ app: String) {
        mutate(app) { $0.nextResync = .now + $0.config.interval.duration }
    }

    /// A retry after the API was unreachable, backing off from 0.5 s to 30 s; returns the delay.
    @discardableResult
    func scheduleRetry(_ app: String) -> Duration {
        mutate(app) { state in
            let delay = state.retryDelay
            state.retryAt = .now + delay
            state.retryDelay = min(delay * 2, AppState.maximumRetryDelay)
            return delay
        } ?? .zero
    }

    /// Keeps a reconcile owed (without waking the app now): the next wake-up runs it.
    func deferReconcile(_ app: String) {
        mutate(app) { $0.work.triggered = true }
    }

    /// Looks again in a second, e.g. at a dependency another shard owns (no event tells us it got Ready).
    func scheduleRecheck(_ app: String) {
        mutate(app) { $0.retryAt = .now + .seconds(1) }
    }

    /// Whether `digest` is already recorded as the app's ready bundle; records it when `set`.
    func markedReady(_ app: String, _ digest: Digest, set: Bool = false) -> Bool {
        mutate(app) { state in
            if set { state.markedReady = digest }
            return state.markedReady == digest
        } ?? false
    }

    func resetRetry(_ app: String) {
        mutate(app) { state in
            state.retryAt = nil
            state.retryDelay = AppState.firstRetryDelay
        }
    }

    /// Rings every app whose resync or retry is due.
    func ringDue(now: ContinuousClock.Instant = .now) {
        for app in names {
            let due = mutate(app) { state -> Bool in
                var due = false
                if let at = state.nextResync, at <= now { state.nextResync = nil; state.work.resync = true; due = true }
                if let at = state.retryAt, at <= now { state.retryAt = nil; state.work.retry = true; due = true }
                return due
            }
            if due == true { doorbell(app)?.ring() }
        }
    }
}
