@testable import Fetcher
import FetcherTesting
import Foundation
import Git
import Testing

@Suite struct PackMirrorTests {
    @Test func aKeptMirrorSkipsPackingAnUnchangedCommit() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit("first", files: ["a.yaml": "a\n"])
        let spec = SourceSpec(name: "pack", url: fixture.path, ref: .branch("main"))
        let sync = SourceSync(dataDirectory: fixture.root("mirror"))
        let worker = GitWorker(name: "test")
        func run(_ out: String) async throws -> SourceSync.Outcome {
            try await worker.perform { try sync.syncInto(spec, store: ArtifactStore(dataDirectory: fixture.root(out)), keepState: true) }
        }
        let first = try await run("out-1")
        let second = try await run("out-2")
        #expect(first.packed && !second.packed)
        #expect(second.revision.digest == first.revision.digest)
        #expect(FileManager.default.fileExists(atPath: second.revision.path))
        try fixture.commit("second", files: ["a.yaml": "b\n"])
        let third = try await run("out-2")
        #expect(third.packed && third.revision.digest != first.revision.digest)
        let kept = try FileManager.default.contentsOfDirectory(atPath: fixture.root("mirror/artifacts/sha256"))
        #expect(kept == ["\(third.revision.digest.hex).tar.gz"], "the mirror keeps only its current artifact")
    }
}
