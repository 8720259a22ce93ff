#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Canonical absolute paths through realpath(3).
enum RealPath {
    static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Reads a symlink's target without following it.
enum SymbolicLink {
    /// What `lstat` finds at a path.
    enum Entry: Equatable {
        /// Nothing there (or not reachable).
        case missing
        /// An existing entry that is not a symlink.
        case plain
        /// A symlink and its target text.
        case link(String)
    }

    /// The entry at `path`, without following it.
    static func inspect(_ path: String) -> Entry {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        guard info.st_mode & S_IFMT == S_IFLNK else { return .plain }
        return target(of: path).map { .link($0) } ?? .missing
    }

    /// The link's target text, or nil when `path` is not a symlink.
    static func target(of path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Tree-relative paths known to exist with no symlink anywhere along them (and, once seen,
/// what they are), shared by the threads reading one tree.
final class PlainPathCache: Sendable {
    private struct Facts {
        var plain: Set<String> = []
        var kinds: [String: EntryKind] = [:]
    }

    private let facts = Mutex(Facts())

    func contains(_ path: String) -> Bool { facts.withLock { $0.plain.contains(path) } }

    func insert(_ path: String) { _ = facts.withLock { $0.plain.insert(path) } }

    /// The kind recorded for a plain path, if any.
    func kind(of path: String) -> EntryKind? { facts.withLock { $0.kinds[path] } }

    /// Records what `path` is; with `onlyIfPlain`, only when it is already known to be plain
    /// (else the caller vouches that it is).
    func remember(_ path: String, kind: EntryKind, onlyIfPlain: Bool) {
        facts.withLock { facts in
            if onlyIfPlain && !facts.plain.contains(path) { return }
            facts.plain.insert(path)
            facts.kinds[path] = kind
        }
    }
}

/// `readdir`'s `d_type` for the two kinds that are certain without a `stat` (and not symlinks).
enum DirectoryEntryType {
    static let regular: UInt8 = 8  // DT_REG
    static let directory: UInt8 = 4  // DT_DIR

    static func kind(_ type: UInt8) -> EntryKind? {
        switch type {
        case regular: .file
        case directory: .directory
        default: nil
        }
    }
}

/// Counts files and bytes read across one tree, enforcing its limits.
final class ReadBudget: Sendable {
    private let limits: SourceLimits
    private let used = Mutex<(files: Int, bytes: Int)>((0, 0))

    init(limits: SourceLimits) { self.limits = limits }

    func charge(bytes: Int, path: String) throws(SandboxError) {
        let verdict: SandboxError.Problem? = used.withLock { used in
            if used.files + 1 > limits.maxFiles { return .tooManyFiles(limit: limits.maxFiles) }
            if used.bytes + bytes > limits.maxTotalBytes { return .totalTooLarge(limit: limits.maxTotalBytes) }
            used.files += 1
            used.bytes += bytes
            return nil
        }
        if let verdict { throw SandboxError(path: path, problem: verdict) }
    }
}

/// Whole-file reads with a size cap checked before and while reading.
enum FileReader {
    static func read(_ absolute: String, relative: String, budget: ReadBudget) throws(SandboxError) -> [UInt8] {
        let descriptor = open(absolute, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SandboxError(path: relative, problem: .unreadable(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw SandboxError(path: relative, problem: .unreadable(String(cString: strerror(errno))))
        }
        let limit = budget.limitPerFile
        guard Int(info.st_size) <= limit else { throw SandboxError(path: relative, problem: .tooLarge(limit: limit)) }
        try budget.charge(bytes: Int(info.st_size), path: relative)
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + offset, $0.count - offset, off_t(offset)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            offset += count
        }
        return Array(bytes[0..<offset])
    }
}

extension ReadBudget {
    var limitPerFile: Int { limits.maxFileBytes }
}
