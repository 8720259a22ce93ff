import Foundation

/// A dedicated thread that runs blocking libgit2 work one job at a time, off Swift's cooperative pool.
///
/// One worker per repository keeps a repository's handles on a single thread, which is also
/// where libgit2's thread-local last error is read.
public final class GitWorker: @unchecked Sendable {
    // Safe to share: the only mutable state lives in `queue`, which guards it with its own lock.
    private let queue: JobQueue

    public init(name: String) {
        GitLibrary.ensureInitialized()
        queue = JobQueue()
        let queue = queue
        let thread = Thread { queue.drain() }
        thread.name = name
        thread.stackSize = 4 << 20
        thread.start()
    }

    deinit { queue.stop() }

    /// Runs `body` like `perform`, but gives up waiting after `timeout` seconds with a `.timeout` error.
    ///
    /// A blocked libgit2 call cannot be interrupted: the job keeps the thread until it returns, so a
    /// caller that timed out should move on to a new worker.
    public func perform<T: Sendable>(timeout: Double, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let once = ResumeOnce(continuation)
            queue.push { once.resume(with: Result { try body() }) }
            // The timer has its own thread: Dispatch's global queues share their threads with Swift's
            // executor on Linux, so a busy process would fire it late or never.
            let timer = Thread {
                guard once.waitForResult(until: Date().addingTimeInterval(timeout)) == false else { return }
                once.resume(with: .failure(GitError(function: "fetch", message: "no answer after \(Int(timeout))s; the fetch was abandoned", kind: .timeout)))
            }
            timer.name = "git-deadline"
            timer.start()
        }
    }

    /// Runs `body` on the worker's thread and returns its result to the awaiting task.
    public func perform<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.push { continuation.resume(with: Result { try body() }) }
        }
    }
}

/// The worker's job list: pushed from any thread, drained by the worker's thread until stopped.
private final class JobQueue: @unchecked Sendable {
    // Safe to share: `jobs` and `stopped` are only touched with `condition` locked.
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var stopped = false

    func push(_ job: @escaping () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    func drain() {
        while let job = next() { job() }
    }

    private func next() -> (() -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty && !stopped { condition.wait() }
        return jobs.isEmpty ? nil : jobs.removeFirst()
    }
}

/// Resumes a continuation with whichever result comes first: the job's or the timer's.
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    // Safe to share: `continuation` is taken with `condition` locked, so it is resumed exactly once.
    private let condition = NSCondition()
    private var continuation: CheckedContinuation<T, any Error>?

    init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = continuation }

    func resume(with result: Result<T, any Error>) {
        condition.lock()
        let continuation = self.continuation
        self.continuation = nil
        condition.broadcast()
        condition.unlock()
        continuation?.resume(with: result)
    }

    /// Blocks until resumed (true) or until `deadline` passes unresumed (false).
    func waitForResult(until deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while continuation != nil {
            if !condition.wait(until: deadline) { return continuation == nil }
        }
        return true
    }
}
