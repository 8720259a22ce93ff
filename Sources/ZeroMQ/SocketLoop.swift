import Foundation

/// A dedicated thread owning a `LoopHandler` and its sockets for their whole life. Async code
/// hands it work with `perform`, which wakes the thread through an inproc PAIR socket; context
/// shutdown or `stop()` ends it.
public final class SocketLoop<Handler: LoopHandler>: Sendable {
    /// The name of the thread, for logs and debuggers.
    public let name: String
    private let queue: Locked<CommandQueue<Handler>>
    private let wake: WakeSignal
    private let finished: Locked<FinishState>

    private init(name: String, queue: Locked<CommandQueue<Handler>>, wake: WakeSignal, finished: Locked<FinishState>) {
        self.name = name
        self.queue = queue
        self.wake = wake
        self.finished = finished
    }

    /// Starts the thread, builds the handler on it with `makeHandler` (binding or connecting its
    /// sockets there) and returns once that succeeded; a thrown error ends the thread.
    public static func start(
        context: Context, name: String, makeHandler: @escaping @Sendable () throws -> Handler
    ) async throws -> SocketLoop {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                LoopThread<Handler>.run(context: context, name: name, makeHandler: makeHandler, started: { result in
                    continuation.resume(with: result)
                })
            }
            thread.name = name
            thread.start()
        }
    }

    static func make(name: String, queue: Locked<CommandQueue<Handler>>, wake: WakeSignal, finished: Locked<FinishState>) -> SocketLoop {
        SocketLoop(name: name, queue: queue, wake: wake, finished: finished)
    }

    /// Runs `body` on the loop thread with the handler, soon; a command arriving while the loop
    /// ends runs after the handler closed. Returns false, running nothing, once the loop has ended.
    @discardableResult
    public func perform(_ body: @escaping @Sendable (Handler) -> Void) -> Bool {
        let (accepted, needsWake) = queue.withLock { queue -> (Bool, Bool) in
            guard !queue.stopped else { return (false, false) }
            queue.commands.append(body)
            defer { queue.wakePending = true }
            return (true, !queue.wakePending)
        }
        if needsWake { wake.signal() }
        return accepted
    }

    /// Asks the loop to close its sockets and end, and waits until it has.
    public func stop() async {
        let needsWake = queue.withLock { queue -> Bool in
            queue.stopRequested = true
            defer { queue.wakePending = true }
            return !queue.wakePending
        }
        if needsWake { wake.signal() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = finished.withLock { state -> Bool in
                if state.done { return true }
                state.waiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// True once the thread has ended (stopped, or its context shut down).
    public var hasEnded: Bool { finished.withLock { $0.done } }
}

/// Work handed to a loop, and whether it should end.
struct CommandQueue<Handler> {
    var commands: [@Sendable (Handler) -> Void] = []
    var wakePending = false
    var stopRequested = false
    var stopped = false
}

/// Who waits for a loop's end.
struct FinishState {
    var done = false
    var waiters: [CheckedContinuation<Void, Never>] = []
}
