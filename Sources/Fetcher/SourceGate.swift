import Foundation

/// One fetch of a source at a time, even across abandoned jobs: a fetch given up on by the scheduler
/// keeps running in libgit2 until its connection ends, and must not share the mirror or the state
/// file with the next fetch of the same source.
final class SourceGate: @unchecked Sendable {
    // Safe to share: `busy` is only touched with `lock` held.
    private let lock = NSLock()
    private var busy: Set<String> = []

    /// Runs `body` while holding `source`; throws at once when another job holds it.
    func exclusively<T>(_ source: String, _ body: () throws -> T) throws -> T {
        let entered = lock.withLock { busy.insert(source).inserted }
        guard entered else {
            throw FetchError("source \(source): a previous fetch is still running (it was abandoned after its timeout); waiting for it to end before fetching again", action: .retry)
        }
        defer { _ = lock.withLock { busy.remove(source) } }
        return try body()
    }
}
