import Fetcher
import FetcherTesting
import Foundation
import Git
import Testing

@Suite struct PinnedCommitTests {
    /// A served repository whose commit `orphan` no branch or tag reaches any more (its branch was deleted).
    static func orphaned() throws -> (GitFixture, orphan: String) {
        let fixture = try GitFixture()
        try fixture.commit("main", files: ["a.yaml": "main\n"])
        try fixture.git("checkout", "-q", "-b", "experiment")
        let orphan = try fixture.commit("experiment", files: ["a.yaml": "experiment\n"])
        try fixture.git("checkout", "-q", "main")
        try fixture.git("branch", "-q", "-D", "experiment")
        return (fixture, orphan)
    }

    @Test func aCommitNoRefReachesIsFetchedByIdWhenTheServerAllowsIt() async throws {
        let (fixture, orphan) = try Self.orphaned()
        defer { fixture.remove() }
        try fixture.git("config", "uploadpack.allowAnySHA1InWant", "true")
        let daemon = try GitDaemon.start(basePath: fixture.root.path, home: fixture.home)
        defer { daemon.stop() }
        let outcome = try await PackTests.sync("git://127.0.0.1:\(daemon.port)/repo", data: fixture.root("data"), ref: .commit(orphan))
        #expect(outcome.revision.revision.description == "sha1:\(orphan)")
        #expect(outcome.revision.commit.subject == "experiment")
        let again = try await PackTests.sync("git://127.0.0.1:\(daemon.port)/repo", data: fixture.root("data"), ref: .commit(orphan))
        #expect(again.revision.digest == outcome.revision.digest, "kept in the mirror under refs/capstan/pinned/")
    }

    @Test func aServerRefusingIdsGivesAClearErrorNamingTheCommit() async throws {
        let (fixture, orphan) = try Self.orphaned()
        defer { fixture.remove() }
        let daemon = try GitDaemon.start(basePath: fixture.root.path, home: fixture.home)
        defer { daemon.stop() }
        let error = await #expect(throws: FetchError.self) {
            try await PackTests.sync("git://127.0.0.1:\(daemon.port)/repo", data: fixture.root("data"), ref: .commit(orphan))
        }
        #expect(error?.message.contains("commit \(orphan) is not reachable from any branch or tag") == true)
        #expect(error?.message.contains("allowReachableSHA1InWant") == true)
        #expect(error?.action == .waitForFix)
    }
}
