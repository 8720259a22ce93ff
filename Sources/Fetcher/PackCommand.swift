import CapstanCore
import Foundation
import Git

/// `capstan-fetcher pack`: one fetch and pack of a URL into a data directory, without the daemon.
public enum PackCommand {
    /// Fetches `url` (into `mirror`, or a temporary mirror removed afterwards), packs `ref`, and returns the revision.
    public static func run(url: String, ref: String, out: String, secret: String?, mirror: String? = nil,
                           ignore: [String] = [], includeSubmodules: Bool = false) async throws -> FetchedRevision {
        let out = out.hasPrefix("/") ? out : FileManager.default.currentDirectoryPath + "/" + out
        let data = mirror ?? NSTemporaryDirectory() + "capstan-pack-\(UUID().uuidString)"
        defer { if mirror == nil { try? FileManager.default.removeItem(atPath: data) } }
        let spec = SourceSpec(name: "pack", url: url, ref: RefSelector(parsing: ref), secretDirectory: secret, ignore: ignore,
                              includeSubmodules: includeSubmodules)
        let worker = GitWorker(name: "capstan-pack")
        let outcome = try await worker.perform {
            try SourceSync(dataDirectory: data).syncInto(spec, store: ArtifactStore(dataDirectory: out), keepState: mirror != nil)
        }
        return outcome.revision
    }
}

extension SourceSync {
    /// Syncs with the mirror under this data directory and the artifact written to another store.
    /// With `keepState` (a mirror kept between runs) the run remembers its revision and artifact, so
    /// the next run with an unchanged commit skips packing.
    func syncInto(_ spec: SourceSpec, store: ArtifactStore, keepState: Bool) throws -> Outcome {
        let previous = keepState ? SourceState.load(dataDirectory: dataDirectory, source: spec.name) : SourceState()
        let outcome = try sync(spec, previous: previous)
        let digest = outcome.revision.digest
        defer { if outcome.packed { self.store.unpin(digest) } }
        if keepState {
            var state = SourceState()
            state.record(outcome.revision, keep: 1)
            state.ignoreKey = SourceSync.ignoreKey(spec.ignore)
            try state.save(dataDirectory: dataDirectory, source: spec.name)
            self.store.collectGarbage(keeping: [digest])
        }
        guard store.root != self.store.root else { return outcome }
        try FileManager.default.createDirectory(atPath: store.root + "/sha256", withIntermediateDirectories: true)
        if !store.contains(digest) { try place(outcome.revision.path, at: store.path(of: digest), keepSource: keepState) }
        let placed = FetchedRevision(source: spec.name, revision: outcome.revision.revision, digest: digest,
                                     size: outcome.revision.size, path: store.path(of: digest), files: outcome.revision.files,
                                     commit: outcome.revision.commit, warnings: outcome.revision.warnings)
        return Outcome(revision: placed, fetch: outcome.fetch, packed: outcome.packed)
    }

    /// Moves the artifact, or hard-links it (copying across file systems) when the mirror keeps its own.
    private func place(_ source: String, at destination: String, keepSource: Bool) throws {
        guard keepSource else { return try FileManager.default.moveItem(atPath: source, toPath: destination) }
        if link(source, destination) != 0 { try FileManager.default.copyItem(atPath: source, toPath: destination) }
    }
}
