/// Checks that archive paths and symlink targets stay inside the directory they are unpacked into.
enum ArchivePath {
    /// The path's components after dropping `.` and a leading `./`; refuses absolute paths and `..`.
    static func components(_ path: String) throws -> [Substring] {
        guard !path.hasPrefix("/") else { throw ArchiveError.unsafeEntry(path: path, reason: "absolute path") }
        guard !path.utf8.contains(0) else { throw ArchiveError.unsafeEntry(path: path, reason: "NUL in path") }
        let parts = path.split(separator: "/").filter { $0 != "." }
        guard !parts.isEmpty else { throw ArchiveError.unsafeEntry(path: path, reason: "empty path") }
        guard !parts.contains("..") else { throw ArchiveError.unsafeEntry(path: path, reason: "'..' would leave the target directory") }
        return parts
    }

    /// Refuses a symlink whose target is absolute or climbs above the root from where the link sits.
    static func checkSymlink(at parts: [Substring], target: String, path: String) throws {
        guard !target.hasPrefix("/") else { throw ArchiveError.unsafeEntry(path: path, reason: "symlink to absolute path '\(target)'") }
        guard !target.isEmpty else { throw ArchiveError.unsafeEntry(path: path, reason: "symlink with an empty target") }
        var depth = parts.count - 1
        for part in target.split(separator: "/") where part != "." {
            depth += part == ".." ? -1 : 1
            if depth < 0 { throw ArchiveError.unsafeEntry(path: path, reason: "symlink to '\(target)' points outside the archive") }
        }
    }
}
