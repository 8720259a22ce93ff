import Foundation

/// Lets TRIGGER and webhooks cut a source's wait short: `wait()` returns at the next `signal()`,
/// or at once when a signal came while nobody waited; cancelling the waiting task ends it too.
final class Wakeup: @unchecked Sendable {
    // Safe to share: `pending` and `waiter` are only touched with `lock` held.
    private let lock = NSLock()
    private var pending = false
    private var waiter: CheckedContinuation<Void, Never>?

    func signal() {
        lock.lock()
        let waiter = self.waiter
        self.waiter = nil
        if waiter == nil { pending = true }
        lock.unlock()
        waiter?.resume()
    }

    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                lock.lock()
                if pending || Task.isCancelled {
                    pending = false
                    lock.unlock()
                    continuation.resume()
                } else {
                    waiter = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            lock.lock()
            let waiter = self.waiter
            self.waiter = nil
            lock.unlock()
            waiter?.resume()
        }
    }

    /// Waits for `seconds` or a signal, whichever comes first.
    func wait(upTo seconds: Double) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000)) }
            group.addTask { await self.wait() }
            await group.next()
            group.cancelAll()
        }
    }
}
