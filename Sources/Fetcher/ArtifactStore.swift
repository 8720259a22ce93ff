import CapstanCore
import Foundation

/// The content-addressed artifact directory: `<data>/artifacts/sha256/<hex>.tar.gz`, written via temp file + rename.
public struct ArtifactStore: Sendable {
    public let root: String
    /// Digests committed by a sync whose state is not saved yet; shared by every copy of this store.
    let inFlight = InFlightArtifacts()

    public init(dataDirectory: String) {
        root = dataDirectory + "/artifacts"
    }

    /// Where the artifact with `digest` lives (whether or not it exists).
    public func path(of digest: Digest) -> String { "\(root)/sha256/\(digest.hex).tar.gz" }

    /// A fresh temporary path on the same file system, for a writer to fill.
    func temporaryPath() throws -> String {
        try FileManager.default.createDirectory(atPath: root + "/tmp", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/sha256", withIntermediateDirectories: true)
        return "\(root)/tmp/\(UUID().uuidString).tar.gz"
    }

    /// Moves a finished temporary artifact to its content address; an identical one already there wins.
    /// The digest stays pinned against garbage collection until the caller `unpin`s it.
    func commit(temporary: String, digest: Digest) throws -> String {
        let final = path(of: digest)
        inFlight.pin(digest)
        if rename(temporary, final) != 0 {
            inFlight.unpin(digest)
            throw FetchError("cannot store artifact \(final): \(String(cString: strerror(errno)))", action: .retry)
        }
        return final
    }

    /// Releases the pin `commit` took, once the digest is recorded in a saved state (or given up).
    func unpin(_ digest: Digest) { inFlight.unpin(digest) }

    public func contains(_ digest: Digest) -> Bool { FileManager.default.fileExists(atPath: path(of: digest)) }

    /// Deletes every stored artifact not in `keep`; returns how many went. Temporary files are left
    /// alone: another source may be writing one right now (see `removeTemporaryFiles`).
    @discardableResult
    public func collectGarbage(keeping keep: Set<Digest>) -> Int {
        let manager = FileManager.default
        var removed = 0
        for name in (try? manager.contentsOfDirectory(atPath: root + "/sha256")) ?? [] where name.hasSuffix(".tar.gz") {
            guard let digest = Digest("sha256:" + name.dropLast(7)), !keep.contains(digest) else { continue }
            if (try? manager.removeItem(atPath: path(of: digest))) != nil { removed += 1 }
        }
        return removed
    }

    /// Deletes what packs interrupted by a crash or kill left in `tmp/`. Only safe while nothing packs
    /// into this store: the scheduler calls it once at start, before the first fetch.
    public func removeTemporaryFiles() {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: root + "/tmp")) ?? [] {
            try? manager.removeItem(atPath: root + "/tmp/" + name)
        }
    }
}
