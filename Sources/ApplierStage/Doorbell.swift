import Foundation

/// Wakes one app's worker: `wait()` returns at the next `ring()`, or at once when a ring came
/// while nobody waited (rings coalesce); cancelling the waiting task ends the wait too.
final class Doorbell: @unchecked Sendable {
    // Safe to share: `pending` and `waiter` are only touched with `lock` held.
    private let lock = NSLock()
    private var pending = false
    private var waiter: CheckedContinuation<Void, Never>?

    func ring() {
        let waiter: CheckedContinuation<Void, Never>? = lock.withLock {
            let waiter = self.waiter
            self.waiter = nil
            if waiter == nil { pending = true }
            return waiter
        }
        waiter?.resume()
    }

    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow: Bool = lock.withLock {
                    if pending || Task.isCancelled {
                        pending = false
                        return true
                    }
                    waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter: CheckedContinuation<Void, Never>? = lock.withLock {
                let waiter = self.waiter
                self.waiter = nil
                return waiter
            }
            waiter?.resume()
        }
    }
}
