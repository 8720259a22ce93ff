import Archive
import CapstanCore
import Fetcher
import FetcherTesting
import Foundation
import Git
import Testing

@Suite struct PackTests {
    static func sync(_ url: String, data: String, ref: RefSelector = .branch("main"), ignore: [String] = [],
                     limits: PackLimits = PackLimits(), previous: SourceState = SourceState(), secret: String? = nil,
                     includeSubmodules: Bool = false) async throws -> SourceSync.Outcome {
        let spec = SourceSpec(name: "site", url: url, ref: ref, secretDirectory: secret, ignore: ignore, limits: limits, connectTimeout: 2,
                              transferTimeout: 30, includeSubmodules: includeSubmodules)
        return try await GitWorker(name: "test").perform { try SourceSync(dataDirectory: data).sync(spec, previous: previous) }
    }

    static func entries(_ path: String) throws -> [String: ArchiveEntry.Kind] {
        let reader = try ArchiveReader(path: path)
        var entries: [String: ArchiveEntry.Kind] = [:]
        while let entry = try reader.next() { entries[entry.path] = entry.kind }
        return entries
    }

    @Test func packsTheSameCommitToIdenticalBytesFromTwoMirrors() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit("first", files: ["apps/web/deploy.yaml": "kind: Deployment\n", "run.sh": "#!/bin/sh\n", "z/a": "z"], executable: ["run.sh"])
        let one = try await Self.sync(fixture.path, data: fixture.root("data-one"))
        let two = try await Self.sync("file://" + fixture.path, data: fixture.root("data-two"))
        #expect(one.revision.digest == two.revision.digest)
        #expect(try Data(contentsOf: URL(fileURLWithPath: one.revision.path)) == (try Data(contentsOf: URL(fileURLWithPath: two.revision.path))))
        #expect(one.revision.path == fixture.root("data-one") + "/artifacts/sha256/\(one.revision.digest.hex).tar.gz")
        #expect(one.revision.revision.description == "main@sha1:\(try fixture.head())")
        #expect(one.revision.commit.subject == "first")
        #expect(try Self.entries(one.revision.path) == ["apps/web/deploy.yaml": .file(executable: false), "run.sh": .file(executable: true), "z/a": .file(executable: false)])
        let again = try await Self.sync(fixture.path, data: fixture.root("data-one"), previous: SourceState(current: one.revision, history: [one.revision.digest], ignoreKey: SourceSync.ignoreKey([])))
        #expect(!again.packed, "an unchanged commit reuses the stored artifact")
        #expect(again.revision.digest == one.revision.digest)
    }

    @Test func aCommitTouchingOnlyIgnoredFilesKeepsTheDigest() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit("first", files: ["app.yaml": "a\n", "README.md": "one\n", "docs/guide.txt": "g\n", ".sourceignore": "docs/\n# comment\n"])
        let first = try await Self.sync(fixture.path, data: fixture.root("data"), ignore: ["*.md"])
        try fixture.commit("docs only", files: ["README.md": "two\n", "docs/guide.txt": "changed\n"])
        let second = try await Self.sync(fixture.path, data: fixture.root("data"), ignore: ["*.md"])
        #expect(first.revision.revision != second.revision.revision)
        #expect(first.revision.digest == second.revision.digest)
        #expect(Set(try Self.entries(second.revision.path).keys) == [".sourceignore", "app.yaml"])
    }

    @Test func keepsSymlinksInsideTheTreeAndLeavesOthersOutWithWarnings() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.write(["base/app.yaml": "a\n"])
        try fixture.symlink("inside", to: "base/app.yaml")
        try fixture.symlink("dir-link", to: "base")
        try fixture.symlink("absolute", to: "/etc/passwd")
        try fixture.symlink("escaping", to: "../../outside")
        try fixture.symlink("dangling", to: "base/missing.yaml")
        try fixture.commit("links")
        let outcome = try await Self.sync(fixture.path, data: fixture.root("data"))
        let entries = try Self.entries(outcome.revision.path)
        #expect(entries["inside"] == .symlink(target: "base/app.yaml"))
        #expect(entries["dir-link"] == .symlink(target: "base"))
        #expect(entries["absolute"] == nil && entries["escaping"] == nil && entries["dangling"] == nil)
        #expect(outcome.revision.warnings.count == 3)
        #expect(outcome.revision.warnings.contains { $0.hasPrefix("symlink absolute -> /etc/passwd left out") })
        try ArchiveUnpacker.unpack(outcome.revision.path, into: fixture.root("unpacked"))
    }

    @Test func leavesSubmodulesOut() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit("first", files: ["a.yaml": "a\n"])
        try fixture.git("update-index", "--add", "--cacheinfo", "160000,\(try fixture.head()),vendor/lib")
        try fixture.git("commit", "-q", "-m", "gitlink")
        let outcome = try await Self.sync(fixture.path, data: fixture.root("data"))
        #expect(Set(try Self.entries(outcome.revision.path).keys) == ["a.yaml"])
        #expect(outcome.revision.warnings == ["submodule vendor/lib left out: submodules are not followed (set includeSubmodules)"])
    }

    @Test func refusesTreesOverTheLimits() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit("first", files: ["a": "1", "b": "2", "c": String(repeating: "x", count: 5000)])
        let files = await #expect(throws: FetchError.self) { try await Self.sync(fixture.path, data: fixture.root("d1"), limits: PackLimits(maxFiles: 2)) }
        #expect(files?.message.contains("over the limit of 2") == true)
        #expect(files?.action == .waitForFix)
        let bytes = await #expect(throws: FetchError.self) { try await Self.sync(fixture.path, data: fixture.root("d2"), limits: PackLimits(maxBytes: 1000)) }
        #expect(bytes?.message.contains("more than 1000 bytes") == true)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: fixture.root("d2/artifacts/tmp")))?.isEmpty == true, "no temporary file left behind")
    }

    @Test func packsARepositoryWithTwentyThousandFiles() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        // fast-import writes the 20 000 blobs and the commit without a work tree or an index: seconds, not minutes.
        let stream = fixture.root("import.stream")
        try Shell.run(["python3", "-c", """
        import sys
        out = open(sys.argv[1], "wb")
        out.write(b"commit refs/heads/main\\ncommitter T <t@t> 1700000000 +0000\\ndata 4\\nmany\\n")
        for i in range(20000):
            data = f"index: {i}\\n".encode()
            out.write(f"M 100644 inline d{i % 200}/f{i}.yaml\\ndata {len(data)}\\n".encode() + data + b"\\n")
        """, stream], in: fixture.path, home: fixture.home)
        try Shell.run(["sh", "-c", "git fast-import --quiet < \(stream)"], in: fixture.path, home: fixture.home)
        let outcome = try await Self.sync(fixture.path, data: fixture.root("data"))
        #expect(outcome.revision.files == 20000)
    }

    @Test func anUnreachableServerFailsForRetryAndKeepsTheLastArtifact() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit("first", files: ["a.yaml": "a\n"])
        _ = try fixture.bareClone()
        let daemon = try GitDaemon.start(basePath: fixture.root.path, home: fixture.home)
        let url = "git://127.0.0.1:\(daemon.port)/served.git"
        let first = try await Self.sync(url, data: fixture.root("data"))
        daemon.stop()
        let state = SourceState(current: first.revision, history: [first.revision.digest])
        let error = await #expect(throws: FetchError.self) { try await Self.sync(url, data: fixture.root("data"), previous: state) }
        #expect(error?.action == .retry)
        #expect(error?.message.contains("cannot reach 127.0.0.1") == true)
        #expect(FileManager.default.fileExists(atPath: first.revision.path))
    }
}

@Suite struct PackCommandTests {
    @Test func packPrintsTheRevisionWithAnAbsoluteArtifactPath() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let commit = try fixture.commit("first", files: ["a.yaml": "a\n"])
        try fixture.tag("v1.2.0")
        let revision = try await PackCommand.run(url: fixture.path, ref: "semver:^1", out: fixture.root("out"), secret: nil)
        #expect(revision.revision.description == "v1.2.0@sha1:\(commit)")
        #expect(revision.path == fixture.root("out") + "/artifacts/sha256/\(revision.digest.hex).tar.gz")
        #expect(FileManager.default.fileExists(atPath: revision.path))
        let json = revision.json()
        #expect(json.contains(#""revision" : "v1.2.0@sha1:\#(commit)""#))
        #expect(json.contains(#""digest" : "\#(revision.digest)""#))
    }
}
