import CapstanCore
import Foundation

/// Artifacts stored but not yet recorded in their source's state: garbage collection must not delete
/// them, or a source fetching while another collects would record and announce a file that is gone.
final class InFlightArtifacts: @unchecked Sendable {
    // Safe to share: `counts` is only touched with `lock` held.
    private let lock = NSLock()
    private var counts: [Digest: Int] = [:]

    func pin(_ digest: Digest) {
        lock.withLock { counts[digest, default: 0] += 1 }
    }

    func unpin(_ digest: Digest) {
        lock.withLock {
            let left = (counts[digest] ?? 1) - 1
            counts[digest] = left > 0 ? left : nil
        }
    }

    /// Runs `body` with the pinned digests while no pin is taken or released: a digest unpinned before
    /// is in a saved state `body` reads, one pinned is in the set it gets. `body` must not pin or unpin.
    func whileFrozen(_ body: (Set<Digest>) -> Void) {
        lock.withLock { body(Set(counts.keys)) }
    }
}
