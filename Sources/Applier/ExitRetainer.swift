import Synchronization

/// Keeps a one-shot reconcile's large values (live objects, the decorated bundle) alive until the
/// process exits, so they are never torn down one dictionary at a time just before `exit` (several
/// milliseconds for 1 000 objects). Off unless `capstan-applier apply` turns it on; the daemon never does.
enum ExitRetainer {
    private static let kept = Mutex<(enabled: Bool, values: [any Sendable])>((false, []))

    static func enable() { kept.withLock { $0.enabled = true } }

    /// Holds `value` until exit when enabled; otherwise does nothing.
    static func keep(_ value: some Sendable) {
        kept.withLock { state in
            if state.enabled { state.values.append(value) }
        }
    }
}
