import CapstanCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Unpacks an artifact into an empty directory, refusing anything that could land outside it:
/// absolute paths, `..`, symlinks pointing out, writes through symlinks, hard links and device files.
public enum ArchiveUnpacker {
    /// Unpacks `archive` into `directory` (created if missing, must be empty), verifying `digest` when given.
    @discardableResult
    public static func unpack(_ archive: String, into directory: String, digest: Digest? = nil,
                              limits: UnpackLimits = .default) throws -> UnpackSummary {
        try prepare(directory)
        let reader = try ArchiveReader(path: archive)
        var state = UnpackState(root: directory, limits: limits)
        while let entry = try reader.next() {
            try state.write(entry, from: reader)
        }
        if let digest {
            let actual = try reader.digest()
            guard actual == digest else { throw ArchiveError.digestMismatch(expected: digest.description, actual: actual.description) }
        }
        return UnpackSummary(files: state.files, bytes: state.bytes)
    }

    private static func prepare(_ directory: String) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: directory) {
            guard try manager.contentsOfDirectory(atPath: directory).isEmpty else {
                throw ArchiveError.unsafeEntry(path: directory, reason: "target directory is not empty")
            }
        } else {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
    }
}

/// What an unpack has written so far, to enforce limits and refuse writes through links.
struct UnpackState {
    let root: String
    let limits: UnpackLimits
    var files = 0
    var bytes = 0
    var symlinks: Set<String> = []
    var directories: Set<String> = []

    init(root: String, limits: UnpackLimits) {
        self.root = root
        self.limits = limits
    }

    mutating func write(_ entry: ArchiveEntry, from reader: ArchiveReader) throws {
        let parts = try ArchivePath.components(entry.path)
        for end in 1..<max(parts.count, 1) where symlinks.contains(parts[0..<end].joined(separator: "/")) {
            throw ArchiveError.unsafeEntry(path: entry.path, reason: "a parent directory is a symlink")
        }
        files += 1
        guard files <= limits.maxEntries else { throw ArchiveError.limit(reason: "more than \(limits.maxEntries) entries") }
        switch entry.kind {
        case .directory:
            try makeDirectories(parts)
        case .file(let executable):
            bytes += entry.size
            guard bytes <= limits.maxBytes else { throw ArchiveError.limit(reason: "more than \(limits.maxBytes) bytes of content") }
            try makeDirectories(parts.dropLast())
            try writeFile(parts, executable: executable, from: reader)
        case .symlink(let target):
            try ArchivePath.checkSymlink(at: parts, target: target, path: entry.path)
            try makeDirectories(parts.dropLast())
            let path = root + "/" + parts.joined(separator: "/")
            guard symlink(target, path) == 0 else { throw ArchiveError.io(path: entry.path, operation: "symlink", errno: errno) }
            symlinks.insert(parts.joined(separator: "/"))
        case .hardlink:
            throw ArchiveError.unsafeEntry(path: entry.path, reason: "hard links are not unpacked")
        case .other(let flag):
            throw ArchiveError.unsafeEntry(path: entry.path, reason: "entry type '\(Character(Unicode.Scalar(flag)))' (device, FIFO or unknown) is not unpacked")
        }
    }

    private mutating func makeDirectories(_ parts: some Collection<Substring>) throws {
        var path = ""
        for part in parts {
            path += path.isEmpty ? String(part) : "/" + part
            guard !directories.contains(path) else { continue }
            if mkdir(root + "/" + path, 0o755) != 0 && errno != EEXIST {
                throw ArchiveError.io(path: path, operation: "mkdir", errno: errno)
            }
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw ArchiveError.unsafeEntry(path: path, reason: "a parent is not a directory")
            }
            directories.insert(path)
        }
    }

    private func writeFile(_ parts: [Substring], executable: Bool, from reader: ArchiveReader) throws {
        let relative = parts.joined(separator: "/")
        // O_EXCL|O_NOFOLLOW: a duplicate entry or a planted symlink can never redirect the write.
        let fd = open(root + "/" + relative, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, executable ? 0o755 : 0o644)
        guard fd >= 0 else { throw ArchiveError.io(path: relative, operation: "create", errno: errno) }
        defer { close(fd) }
        try reader.readContent { chunk in
            var offset = 0
            while offset < chunk.count {
                let written = Glibc.write(fd, chunk.baseAddress! + offset, chunk.count - offset)
                guard written >= 0 else { throw ArchiveError.io(path: relative, operation: "write", errno: errno) }
                offset += written
            }
        }
    }
}
