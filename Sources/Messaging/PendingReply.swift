import Synchronization

/// A request's outcome handed to its waiting task by whichever comes first, the reply or the
/// task's cancellation; the later one is dropped. Lets a caller stop waiting on an instance that
/// may never answer while the socket thread finishes the request on its own.
final class PendingReply: Sendable {
    typealias Outcome = Result<[[UInt8]], RequestError>
    private let state = Mutex<(waiter: CheckedContinuation<Outcome, Never>?, outcome: Outcome?)>((nil, nil))

    /// Registers the waiting task; false (and resumed at once) when the outcome is already in.
    func install(_ waiter: CheckedContinuation<Outcome, Never>) -> Bool {
        let outcome = state.withLock { state -> Outcome? in
            if state.outcome == nil { state.waiter = waiter }
            return state.outcome
        }
        guard let outcome else { return true }
        waiter.resume(returning: outcome)
        return false
    }

    /// Records the outcome, the first one only, and resumes the waiter if there is one.
    func finish(_ outcome: Outcome) {
        let waiter = state.withLock { state -> CheckedContinuation<Outcome, Never>? in
            guard state.outcome == nil else { return nil }
            state.outcome = outcome
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: outcome)
    }
}
