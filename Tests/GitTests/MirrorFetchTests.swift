import FetcherTesting
import Foundation
import Git
import Testing

@Suite struct MirrorFetchTests {
    @Test func clonesThenFetchesOnlyNewObjects() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        var files: [String: String] = [:]
        for index in 0..<50 { files["dir\(index % 5)/file\(index).txt"] = String(repeating: "line \(index)\n", count: 20) }
        try fixture.commit("first", files: files)
        let mirror = fixture.root("mirror.git")
        let worker = GitWorker(name: "test")
        let url = fixture.path
        let first = try await worker.perform { try Repository.openOrCreateBare(at: mirror).fetch(from: url, options: FetchOptions()) }
        #expect(first.receivedObjects > 50)
        let second = try fixture.commit("second", files: ["dir0/new.txt": "new\n"])
        let (stats, head) = try await worker.perform {
            let repository = try Repository.openOrCreateBare(at: mirror)
            let stats = try repository.fetch(from: "file://" + url, options: FetchOptions())
            return (stats, try repository.resolve(.branch("main")).commit.hex)
        }
        #expect(stats.receivedObjects > 0 && stats.receivedObjects <= 5)
        #expect(head == second)
        let again = try await worker.perform { try Repository.openOrCreateBare(at: mirror).fetch(from: url, options: FetchOptions()) }
        #expect(again.receivedObjects == 0)
        #expect(again.updatedRefs == 0)
    }

    @Test func prunesBranchesDeletedOnTheRemote() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit("first", files: ["a": "a"])
        try fixture.git("branch", "feature")
        let mirror = fixture.root("mirror.git")
        let url = fixture.path
        let worker = GitWorker(name: "test")
        let before = try await worker.perform {
            let repository = try Repository.openOrCreateBare(at: mirror)
            _ = try repository.fetch(from: url, options: FetchOptions())
            return try repository.branchNames().sorted()
        }
        #expect(before == ["feature", "main"])
        try fixture.git("branch", "-D", "feature")
        let after = try await worker.perform {
            let repository = try Repository.openOrCreateBare(at: mirror)
            _ = try repository.fetch(from: url, options: FetchOptions())
            return try repository.branchNames().sorted()
        }
        #expect(after == ["main"])
    }

    @Test func unreachableServerFailsFastWithAClearError() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let port = FreePort.next()
        let worker = GitWorker(name: "test")
        let mirror = directory("mirror.git")
        let error = await #expect(throws: GitError.self) {
            try await worker.perform {
                try Repository.openOrCreateBare(at: mirror).fetch(from: "git://127.0.0.1:\(port)/repo.git", options: FetchOptions(connectTimeout: 2))
            }
        }
        #expect(error?.function == "connect")
        #expect(error?.message.contains("127.0.0.1:\(port)") == true)
    }
}
