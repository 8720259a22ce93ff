import CapstanCore
import Foundation
import Git

/// One source's unit of work, as an ordered list of steps: fetch → resolve → pack → store.
/// Blocking from start to end: run it on the source's `GitWorker`.
public struct SourceSync: Sendable {
    public let dataDirectory: String
    public let store: ArtifactStore

    public init(dataDirectory: String) {
        self.dataDirectory = dataDirectory
        store = ArtifactStore(dataDirectory: dataDirectory)
    }

    /// What a sync brought: the revision now current and how much the fetch downloaded.
    public struct Outcome: Sendable {
        public let revision: FetchedRevision
        public let fetch: FetchStats
        /// False when the commit and ignore rules were unchanged and the stored artifact was reused.
        public let packed: Bool
    }

    public func sync(_ spec: SourceSpec, previous: SourceState) throws -> Outcome {
        let repository = try gitStep(spec) { try Repository.openOrCreateBare(at: mirrorPath(spec.name)) }
        let options = try SourceSecret.fetchOptions(for: spec)
        var stats = try gitStep(spec) { try repository.fetch(from: SourceSync.absoluteURL(spec.url), options: options) }
        if let missing = SourceSync.unfetchedPin(spec.ref, in: repository) {
            let extra = try gitStep(spec) { try repository.fetchCommit(missing, from: SourceSync.absoluteURL(spec.url), options: options) }
            stats.receivedBytes += extra.receivedBytes
            stats.receivedObjects += extra.receivedObjects
        }
        let resolved = try gitStep(spec) { try repository.resolve(spec.ref) }
        let commit = try gitStep(spec) { try repository.commitInfo(resolved.commit) }
        let revision = Revision(ref: resolved.name, commit: resolved.commit.hex)
        let ignoreKey = SourceSync.ignoreKey(spec.ignore)
        if let current = previous.current, current.commit.id == commit.id, previous.ignoreKey == ignoreKey, store.contains(current.digest) {
            let reused = FetchedRevision(source: spec.name, revision: revision, digest: current.digest, size: current.size,
                                         path: current.path, files: current.files, commit: commit, warnings: current.warnings)
            return Outcome(revision: reused, fetch: stats, packed: false)
        }
        let submodules = spec.includeSubmodules
            ? SubmoduleMirrors(directory: mirrorPath(spec.name) + ".modules", options: options, source: spec.name) : nil
        let packed = try pack(repository, spec: spec, commit: resolved.commit, submodules: submodules)
        if let extra = submodules?.stats {
            stats.receivedBytes += extra.receivedBytes
            stats.receivedObjects += extra.receivedObjects
        }
        let fetched = FetchedRevision(source: spec.name, revision: revision, digest: packed.digest, size: packed.size,
                                      path: packed.path, files: packed.files, commit: commit, warnings: packed.warnings)
        return Outcome(revision: fetched, fetch: stats, packed: true)
    }

    private func pack(_ repository: Repository, spec: SourceSpec, commit: ObjectID,
                      submodules: SubmoduleMirrors?) throws -> (digest: Digest, size: Int, path: String, files: Int, warnings: [String]) {
        let temporary = try store.temporaryPath()
        do {
            let result = try gitStep(spec) { try TreePacker.pack(repository, url: SourceSync.absoluteURL(spec.url), commit: commit, ignore: spec.ignore,
                                                                    limits: spec.limits, submodules: submodules, to: temporary) }
            let digest = Digest(result.digest)!
            let path = try store.commit(temporary: temporary, digest: digest)
            return (digest, result.size, path, result.files, result.warnings)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// The pinned commit when the mirror lacks it after fetching every branch and tag (a full id only:
    /// a prefix cannot be asked for).
    static func unfetchedPin(_ ref: RefSelector, in repository: Repository) -> ObjectID? {
        guard case .commit(let text) = ref, let id = ObjectID(hex: text), !repository.hasCommit(id) else { return nil }
        return id
    }

    func mirrorPath(_ source: String) -> String {
        let safe = source.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" }
        return "\(dataDirectory)/mirrors/\(String(safe)).git"
    }

    private func gitStep<T>(_ spec: SourceSpec, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as GitError { throw FetchError.git(error, source: spec.name, url: spec.url) }
    }

    /// A plain relative path becomes absolute so libgit2's local transport finds it.
    static func absoluteURL(_ url: String) -> String {
        guard RemoteURL(url).transport == .local, !url.contains("://"), !url.hasPrefix("/") else { return url }
        return FileManager.default.currentDirectoryPath + "/" + url
    }

    /// The key recorded in `SourceState.ignoreKey` for `patterns`.
    public static func ignoreKey(_ patterns: [String]) -> String {
        Digest(of: Array(patterns.joined(separator: "\n").utf8)).description
    }
}
