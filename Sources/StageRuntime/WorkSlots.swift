import Synchronization

/// Bounds how much of a stage's work runs at once (the renderer's renders, the applier's
/// reconciles: `stages.<stage>.concurrency`); waiting is FIFO and cancellation-safe.
public final class WorkSlots: Sendable {
    private struct State {
        var free: Int
        var waiters: [(id: Int, continuation: CheckedContinuation<Bool, Never>)] = []
        var nextID = 0
    }

    private let state: Mutex<State>

    public init(_ count: Int) {
        state = Mutex(State(free: max(1, count)))
    }

    /// Runs `work` once a slot is free; nil when cancelled while waiting.
    public func withSlot<T: Sendable>(_ work: () async -> T) async -> T? {
        guard await acquire() else { return nil }
        defer { release() }
        return await work()
    }

    private func acquire() async -> Bool {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let granted = state.withLock { state -> Bool? in
                    if Task.isCancelled { return false }
                    guard state.free > 0 else {
                        state.waiters.append((id, continuation))
                        return nil
                    }
                    state.free -= 1
                    return true
                }
                if let granted { continuation.resume(returning: granted) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index).continuation
            }
            waiter?.resume(returning: false)
        }
    }

    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            guard !state.waiters.isEmpty else {
                state.free += 1
                return nil
            }
            return state.waiters.removeFirst().continuation
        }
        next?.resume(returning: true)
    }
}
