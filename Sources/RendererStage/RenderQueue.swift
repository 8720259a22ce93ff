import Synchronization

/// The apps waiting to render, each at most once: an app asked for again while it renders waits
/// until that render ends, then renders once more (with whatever revision is newest by then).
final class RenderQueue: Sendable {
    private struct State {
        var pending: [String] = []
        var running: Set<String> = []
        var waiters: [CheckedContinuation<String?, Never>] = []
        var closed = false

        /// The first pending app that is not rendering now.
        mutating func take() -> String? {
            guard let index = pending.firstIndex(where: { !running.contains($0) }) else { return nil }
            let app = pending.remove(at: index)
            running.insert(app)
            return app
        }

        /// Hands runnable apps to waiting workers; returns who to resume with what.
        mutating func dispatch() -> [(CheckedContinuation<String?, Never>, String?)] {
            var handed: [(CheckedContinuation<String?, Never>, String?)] = []
            while !waiters.isEmpty, let app = take() { handed.append((waiters.removeFirst(), app)) }
            return handed
        }
    }

    private let state = Mutex(State())

    init() {}

    /// Asks for `app` to render; a no-op when it already waits.
    func enqueue(_ app: String) {
        let handed = state.withLock { state in
            guard !state.closed else { return [(CheckedContinuation<String?, Never>, String?)]() }
            if !state.pending.contains(app) { state.pending.append(app) }
            return state.dispatch()
        }
        for (waiter, app) in handed { waiter.resume(returning: app) }
    }

    /// The next app to render; nil once the queue is closed.
    func next() async -> String? {
        await withCheckedContinuation { continuation in
            let app: String?? = state.withLock { state in
                if state.closed { return .some(nil) }
                if let app = state.take() { return .some(app) }
                state.waiters.append(continuation)
                return .none
            }
            if let app { continuation.resume(returning: app) }
        }
    }

    /// Marks `app`'s render as ended, letting a repeated request for it run.
    func finished(_ app: String) {
        let handed = state.withLock { state in
            state.running.remove(app)
            return state.dispatch()
        }
        for (waiter, app) in handed { waiter.resume(returning: app) }
    }

    /// Whether `app` waits or renders now.
    func isQueued(_ app: String) -> Bool {
        state.withLock { $0.pending.contains(app) || $0.running.contains(app) }
    }

    /// Ends every `next()`, now and later, with nil.
    func close() {
        let waiters = state.withLock { state in
            state.closed = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: nil) }
    }
}
