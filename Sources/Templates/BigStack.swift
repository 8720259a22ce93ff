import Foundation

/// Runs deeply recursive work (nested templates) on a thread with a large stack, and waits for it.
public enum BigStack {
    public static func run(stackSize: Int = 512 << 20, _ body: @escaping () -> Void) {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) let work = body
        let thread = Thread {
            work()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
    }
}
