import Foundation

/// A bounded set of threads, each owning one `CurlEasy`, that run blocking transfers.
///
/// curl_easy_perform blocks; it must never run on Swift's cooperative pool. Threads start on
/// demand up to `maxThreads` and then stay, keeping their handle's connections warm.
/// `@unchecked Sendable`: all mutable state is guarded by `condition`.
final class CurlWorkerPool: @unchecked Sendable {
    typealias Job = @Sendable (CurlEasy) -> Void

    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var head = 0
    private var threads = 0
    private var idle = 0
    let maxThreads: Int
    let name: String

    init(name: String, maxThreads: Int) {
        self.name = name
        self.maxThreads = max(1, maxThreads)
    }

    /// Queues a job; it runs on some worker thread with that thread's handle.
    func submit(_ job: @escaping Job) {
        condition.lock()
        jobs.append(job)
        let spawn = idle == 0 && threads < maxThreads
        if spawn { threads += 1 }
        condition.signal()
        condition.unlock()
        if spawn { startThread(number: threads) }
    }

    private func startThread(number: Int) {
        let thread = Thread { [self] in run() }
        thread.name = "\(name)-\(number)"
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func run() {
        let easy = CurlEasy()
        while true {
            let job = next()
            job(easy)
        }
    }

    private func next() -> Job {
        condition.lock()
        defer { condition.unlock() }
        while head == jobs.count {
            idle += 1
            condition.wait()
            idle -= 1
        }
        let job = jobs[head]
        head += 1
        if head > 64 && head * 2 > jobs.count {
            jobs.removeFirst(head)
            head = 0
        }
        return job
    }
}
