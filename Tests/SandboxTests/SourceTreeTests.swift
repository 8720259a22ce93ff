import Foundation
import Sandbox
import Testing

@Suite struct SourceTreeTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString)")
        let repo = directory.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("apps/web"), withIntermediateDirectories: true)
        try Data("kind: A\n".utf8).write(to: repo.appendingPathComponent("apps/web/a.yaml"))
        try Data("secret\n".utf8).write(to: directory.appendingPathComponent("outside.txt"))
        let links = FileManager.default
        try links.createSymbolicLink(atPath: repo.appendingPathComponent("apps/inside").path, withDestinationPath: "web")
        try links.createSymbolicLink(atPath: repo.appendingPathComponent("apps/out").path, withDestinationPath: "../../outside.txt")
        try links.createSymbolicLink(atPath: repo.appendingPathComponent("abs").path, withDestinationPath: directory.appendingPathComponent("outside.txt").path)
        try links.createSymbolicLink(atPath: repo.appendingPathComponent("loop1").path, withDestinationPath: "loop2")
        try links.createSymbolicLink(atPath: repo.appendingPathComponent("loop2").path, withDestinationPath: "loop1")
    }

    var tree: SourceTree { get throws { try SourceTree(root: directory.appendingPathComponent("repo").path) } }

    @Test func readsFilesInsideAndThroughInnerSymlinks() throws {
        let tree = try tree
        #expect(try tree.read(tree.resolve("a.yaml", from: "apps/web")) == Array("kind: A\n".utf8))
        #expect(try tree.read(tree.resolve("inside/a.yaml", from: "apps")) == Array("kind: A\n".utf8))
        #expect(try tree.list("apps") == ["apps/inside", "apps/out", "apps/web"])
    }

    @Test func refusesDotDotEscape() throws {
        #expect(throws: SandboxError(path: "../../../outside.txt", problem: .escapesRoot)) {
            try tree.resolve("../../../outside.txt", from: "apps/web")
        }
    }

    @Test func refusesAbsoluteAndRemotePaths() throws {
        #expect(throws: SandboxError(path: "/etc/passwd", problem: .absolute)) { try tree.resolve("/etc/passwd") }
        let remote = "https://github.com/org/repo//base?ref=v1"
        #expect(throws: SandboxError(path: remote, problem: .remote)) { try tree.resolve(remote) }
    }

    @Test func refusesSymlinksPointingOut() throws {
        let tree = try tree
        #expect(throws: SandboxError(path: "apps/out", problem: .symlinkOutside("../../outside.txt"))) {
            try tree.read(tree.resolve("out", from: "apps"))
        }
        let absolute = directory.appendingPathComponent("outside.txt").path
        #expect(throws: SandboxError(path: "abs", problem: .symlinkOutside(absolute))) { try tree.resolve("abs") }
    }

    @Test func oneTreeKeepsRefusingEscapesAfterItsDirectoriesWereChecked() throws {
        // Listing apps and reading apps/web/a.yaml remembers apps and apps/web as symlink-free; the links beside
        // and below them must still be followed and judged on every path.
        let tree = try tree
        for _ in 0..<2 {
            // Listing remembers what readdir reports as plain files and directories, never links.
            #expect(try tree.list("apps") == ["apps/inside", "apps/out", "apps/web"])
            #expect(try tree.list("apps/inside") == ["apps/inside/a.yaml"])
            #expect(throws: SandboxError(path: "apps/out", problem: .symlinkOutside("../../outside.txt"))) { try tree.kind(of: "apps/out") }
            #expect(try tree.kind(of: "apps/inside") == .directory)
            #expect(try tree.read("apps/web/a.yaml") == Array("kind: A\n".utf8))
            #expect(try tree.kind(of: "apps/web") == .directory)
            #expect(throws: SandboxError(path: "apps/out", problem: .symlinkOutside("../../outside.txt"))) { try tree.read("apps/out") }
            #expect(throws: SandboxError(path: "apps/web/../out", problem: .symlinkOutside("../../outside.txt"))) {
                try tree.read("apps/web/../out")
            }
            #expect(try tree.read("apps/inside/a.yaml") == Array("kind: A\n".utf8))
            #expect(throws: SandboxError(path: "apps/inside/../../..", problem: .symlinkOutside("web"))) { try tree.kind(of: "apps/inside/../../..") }
            #expect(try tree.kind(of: "apps/web/missing.yaml") == nil)
        }
    }

    @Test func refusesSymlinkLoops() throws {
        #expect(throws: SandboxError(path: "loop1", problem: .symlinkLoop)) { try tree.resolve("loop1") }
    }

    @Test func enforcesSizeAndCountLimits() throws {
        let root = directory.appendingPathComponent("repo").path
        let small = try SourceTree(root: root, limits: SourceLimits(maxFileBytes: 4, maxFiles: 10, maxTotalBytes: 100))
        #expect(throws: SandboxError(path: "apps/web/a.yaml", problem: .tooLarge(limit: 4))) { try small.read("apps/web/a.yaml") }
        let few = try SourceTree(root: root, limits: SourceLimits(maxFileBytes: 100, maxFiles: 1, maxTotalBytes: 100))
        _ = try few.read("apps/web/a.yaml")
        #expect(throws: SandboxError(path: "apps/web/a.yaml", problem: .tooManyFiles(limit: 1))) { try few.read("apps/web/a.yaml") }
    }

    @Test func errorsReadForAnOperator() {
        #expect(SandboxError(path: "../../secrets", problem: .escapesRoot).description == "'../../secrets' is outside the repository")
    }
}
