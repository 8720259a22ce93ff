import Synchronization

/// A one-way flag an async task sets and a worker thread polls from curl's progress callback.
final class CancelFlag: Sendable {
    private let state = Atomic<Bool>(false)

    func cancel() { state.store(true, ordering: .relaxed) }

    var isCancelled: Bool { state.load(ordering: .relaxed) }
}
