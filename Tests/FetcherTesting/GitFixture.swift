import Foundation

/// A git repository made by a test with the `git` command line, in its own temporary directory.
public final class GitFixture: @unchecked Sendable {
    // Safe to share in tests: every call runs a process; the only state is immutable paths.
    public let root: TemporaryDirectory
    /// The work tree.
    public let path: String
    public var home: String { root("home") }

    public init(branch: String = "main") throws {
        root = TemporaryDirectory("capstan-git")
        path = root("repo")
        try FileManager.default.createDirectory(atPath: root("home"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try git("init", "-q", "-b", branch)
    }

    @discardableResult
    public func git(_ arguments: String...) throws -> String {
        try Shell.run(["git"] + arguments, in: path, home: home)
    }

    /// Writes `files` (relative path → content) into the work tree.
    public func write(_ files: [String: String], executable: Set<String> = []) throws {
        for (relative, content) in files {
            let file = path + "/" + relative
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try content.write(toFile: file, atomically: false, encoding: .utf8)
            if executable.contains(relative) { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file) }
        }
    }

    public func symlink(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relative, withDestinationPath: target)
    }

    /// Stages everything and commits with a fixed date; returns the commit id.
    @discardableResult
    public func commit(_ message: String, files: [String: String] = [:], executable: Set<String> = []) throws -> String {
        try write(files, executable: executable)
        try git("add", "-A")
        try Shell.run(["git", "commit", "-q", "--allow-empty", "-m", message], in: path, home: home,
                      environment: ["GIT_AUTHOR_DATE": "2024-01-02T03:04:05Z", "GIT_COMMITTER_DATE": "2024-01-02T03:04:05Z"])
        return try head()
    }

    public func head() throws -> String { try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// An annotated tag on HEAD (or a lightweight one).
    public func tag(_ name: String, annotated: Bool = true, force: Bool = false) throws {
        var arguments = ["tag"]
        if force { arguments.append("-f") }
        if annotated { arguments += ["-a", "-m", "release \(name)"] }
        try Shell.run(["git"] + arguments + [name], in: path, home: home)
    }

    /// A bare clone next to the work tree, for servers to export.
    public func bareClone(named name: String = "served.git") throws -> String {
        let bare = root(name)
        try Shell.run(["git", "clone", "-q", "--bare", path, bare], in: root.path, home: home)
        return bare
    }

    /// Pushes every branch and tag to the bare clone at `bare`, forcing moved tags.
    public func push(to bare: String) throws {
        try git("push", "-q", "--force", bare, "refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*")
    }

    public func remove() { root.remove() }
}
