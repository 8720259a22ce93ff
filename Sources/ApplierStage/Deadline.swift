import Synchronization

/// A wait on another process that ran past its time limit.
struct DeadlineExceeded: Error, CustomStringConvertible {
    var what: String
    var limit: Duration
    var description: String { "\(what) got no answer within \(limit)" }
}

/// Bounds a wait that depends on another process: the caller gets the operation's result or, once
/// `limit` passes, `DeadlineExceeded` — even when the operation ignores cancellation (a reply that
/// never comes). The operation is then cancelled and left to end on its own.
enum Deadline {
    static func run<T: Sendable>(
        _ what: String, within limit: Duration, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let race = Race<T>()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                race.start(continuation, operation: operation, limit: limit, what: what)
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
        race.cancelTasks()
        return try result.get()
    }
}

/// The first of the operation, the timer and cancellation to finish resumes the caller; the rest are ignored.
private final class Race<T: Sendable>: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<Result<T, any Error>, Never>?, early: Result<T, any Error>?, tasks: [Task<Void, Never>])>((nil, nil, []))

    func start(_ continuation: CheckedContinuation<Result<T, any Error>, Never>, operation: @escaping @Sendable () async throws -> T,
               limit: Duration, what: String) {
        // Cancelled before the continuation existed: answer at once.
        let early = state.withLock { state -> Result<T, any Error>? in
            if state.early == nil { state.continuation = continuation }
            return state.early
        }
        if let early { return continuation.resume(returning: early) }
        let work = Task { [self] in
            do { finish(.success(try await operation())) } catch { finish(.failure(error)) }
        }
        let timer = Task { [self] in
            try? await Task.sleep(for: limit)
            if !Task.isCancelled { finish(.failure(DeadlineExceeded(what: what, limit: limit))) }
        }
        state.withLock { $0.tasks = [work, timer] }
    }

    func finish(_ result: Result<T, any Error>) {
        let continuation = state.withLock { state -> CheckedContinuation<Result<T, any Error>, Never>? in
            guard let continuation = state.continuation else {
                if state.early == nil { state.early = result }
                return nil
            }
            state.continuation = nil
            state.early = result
            return continuation
        }
        continuation?.resume(returning: result)
    }

    func cancelTasks() {
        for task in state.withLock({ $0.tasks }) { task.cancel() }
    }
}
