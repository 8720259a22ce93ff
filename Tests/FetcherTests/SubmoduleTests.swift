import Archive
import Fetcher
import FetcherTesting
import Foundation
import Git
import Testing

@Suite struct SubmoduleTests {
    /// A repository `repo` whose `vendor/lib` is a submodule pointing at the repository `lib` (file:// URL).
    static func superproject() throws -> (GitFixture, GitFixture) {
        let library = try GitFixture()
        try library.commit("lib", files: ["lib.yaml": "kind: Library\n", "nested/x.txt": "x\n"])
        let fixture = try GitFixture()
        try fixture.commit("app", files: ["app.yaml": "kind: App\n", "zz.yaml": "z\n"])
        // git refuses file:// submodules unless told otherwise (CVE-2022-39253).
        try fixture.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", "file://" + library.path, "vendor/lib")
        try fixture.commit("add submodule")
        return (fixture, library)
    }

    @Test func packsSubmodulesAtTheirPathsOnlyWhenTheSourceAsks() async throws {
        let (fixture, library) = try Self.superproject()
        defer { fixture.remove(); library.remove() }
        let without = try await PackTests.sync(fixture.path, data: fixture.root("data-off"))
        #expect(Set(try PackTests.entries(without.revision.path).keys) == [".gitmodules", "app.yaml", "zz.yaml"])
        #expect(without.revision.warnings == ["submodule vendor/lib left out: submodules are not followed (set includeSubmodules)"])
        let with = try await PackTests.sync(fixture.path, data: fixture.root("data-on"), includeSubmodules: true)
        let entries = try PackTests.entries(with.revision.path)
        #expect(Set(entries.keys) == [".gitmodules", "app.yaml", "vendor/lib/lib.yaml", "vendor/lib/nested/x.txt", "zz.yaml"])
        #expect(with.revision.warnings.isEmpty)
        #expect(try Self.order(with.revision.path) == [".gitmodules", "app.yaml", "vendor/lib/lib.yaml", "vendor/lib/nested/x.txt", "zz.yaml"])
        let again = try await PackTests.sync(fixture.path, data: fixture.root("data-again"), includeSubmodules: true)
        #expect(again.revision.digest == with.revision.digest, "deterministic with submodules too")
    }

    @Test func followsTheSubmoduleCommitTheSuperprojectPins() async throws {
        let (fixture, library) = try Self.superproject()
        defer { fixture.remove(); library.remove() }
        let first = try await PackTests.sync(fixture.path, data: fixture.root("data"), includeSubmodules: true)
        try library.commit("lib v2", files: ["lib.yaml": "kind: Library2\n"])
        try Shell.run(["git", "-c", "protocol.file.allow=always", "pull", "-q", "origin", "main"], in: fixture.path + "/vendor/lib", home: fixture.home)
        try fixture.commit("bump lib")
        let second = try await PackTests.sync(fixture.path, data: fixture.root("data"), includeSubmodules: true)
        #expect(first.revision.digest != second.revision.digest)
        let reader = try ArchiveReader(path: second.revision.path)
        var contents: [String: String] = [:]
        while let entry = try reader.next() {
            var bytes: [UInt8] = []
            try reader.readContent { bytes += $0 }
            contents[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        #expect(contents["vendor/lib/lib.yaml"] == "kind: Library2\n")
    }

    @Test func aSubmoduleWithoutURLIsAClearError() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit("first", files: ["a.yaml": "a\n"])
        try fixture.git("update-index", "--add", "--cacheinfo", "160000,\(try fixture.head()),vendor/lib")
        try fixture.git("commit", "-q", "-m", "gitlink without .gitmodules")
        let error = await #expect(throws: FetchError.self) { try await PackTests.sync(fixture.path, data: fixture.root("data"), includeSubmodules: true) }
        #expect(error?.message.contains("submodule vendor/lib: the repository has no .gitmodules") == true)
    }

    static func order(_ path: String) throws -> [String] {
        let reader = try ArchiveReader(path: path)
        var paths: [String] = []
        while let entry = try reader.next() { paths.append(entry.path) }
        return paths
    }
}
