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
            try SourceSync(dataDirectory: data).syncInto(spec, store: ArtifactStore(dataDirectory: out))
        }
        return outcome.revision
    }
}

extension SourceSync {
    /// Syncs with the mirror under this data directory and the artifact written to another store.
    func syncInto(_ spec: SourceSpec, store: ArtifactStore) throws -> Outcome {
        let outcome = try sync(spec, previous: SourceState())
        let digest = outcome.revision.digest
        guard store.root != self.store.root else { return outcome }
        try FileManager.default.createDirectory(atPath: store.root + "/sha256", withIntermediateDirectories: true)
        if !store.contains(digest) {
            try FileManager.default.moveItem(atPath: outcome.revision.path, toPath: store.path(of: digest))
        }
        let moved = FetchedRevision(source: spec.name, revision: outcome.revision.revision, digest: digest,
                                    size: outcome.revision.size, path: store.path(of: digest), files: outcome.revision.files,
                                    commit: outcome.revision.commit, warnings: outcome.revision.warnings)
        return Outcome(revision: moved, fetch: outcome.fetch, packed: outcome.packed)
    }
}
