#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Read-only file access confined to one directory: the unpacked artifact a renderer works on.
///
/// Every path an overlay, chart or plain directory names goes through here, so a repository
/// cannot make Capstan read outside its own tree (`..`, absolute paths, symlinks pointing out)
/// or read without bound (file size, file count, total bytes).
public final class SourceTree: Sendable {
    /// The real, absolute path of the tree's root (no symlinks in it).
    public let root: String
    public let limits: SourceLimits
    private let budget: ReadBudget
    /// Paths already walked and found free of symlinks (see `checkSymlinks`).
    private let plainPaths = PlainPathCache()

    /// Opens the tree at `root`, which must be an existing directory.
    ///
    /// The tree is taken to stay as it is while this object lives (an unpacked artifact, opened
    /// per render): each path component is checked for symlinks once and remembered.
    public init(root: String, limits: SourceLimits = .default) throws(SandboxError) {
        guard let real = RealPath.resolve(root) else {
            throw SandboxError(path: root, problem: .notFound)
        }
        self.root = real
        self.limits = limits
        self.budget = ReadBudget(limits: limits)
    }

    /// Resolves `path` (as written in `file`, relative to the directory `base`) to a clean path
    /// relative to the root, refusing anything that leaves the tree.
    public func resolve(_ path: String, from base: String = "") throws(SandboxError) -> String {
        if path.contains("://") || path.hasPrefix("git@") || path.hasPrefix("github.com/") {
            throw SandboxError(path: path, problem: .remote)
        }
        if path.hasPrefix("/") { throw SandboxError(path: path, problem: .absolute) }
        guard let joined = RelativePath.join(base, path) else {
            throw SandboxError(path: path, problem: .escapesRoot)
        }
        try checkSymlinks(along: joined, original: joined)
        return joined
    }

    /// What kind of entry `relative` is, following symlinks that stay inside; nil when absent.
    public func kind(of relative: String) throws(SandboxError) -> EntryKind? {
        try checkSymlinks(along: relative, original: relative)
        if let known = plainPaths.kind(of: relative) { return known }
        var info = stat()
        guard stat(absolute(relative), &info) == 0 else { return nil }
        let kind: EntryKind
        switch info.st_mode & S_IFMT {
        case S_IFDIR: kind = .directory
        case S_IFREG: kind = .file
        default: kind = .other
        }
        plainPaths.remember(relative, kind: kind, onlyIfPlain: true)
        return kind
    }

    /// The bytes of the file at `relative`, within the size and total-read limits.
    public func read(_ relative: String) throws(SandboxError) -> [UInt8] {
        guard try kind(of: relative) == .file else {
            throw SandboxError(path: relative, problem: .notFound)
        }
        return try FileReader.read(absolute(relative), relative: relative, budget: budget)
    }

    /// The entries of the directory at `relative`, sorted by name, as paths relative to the root.
    public func list(_ relative: String) throws(SandboxError) -> [String] {
        guard try kind(of: relative) == .directory else {
            throw SandboxError(path: relative, problem: .notFound)
        }
        guard let directory = opendir(absolute(relative)) else {
            throw SandboxError(path: relative, problem: .unreadable(String(cString: strerror(errno))))
        }
        defer { closedir(directory) }
        let isRoot = relative.isEmpty || relative == "."
        // Entries of a symlink-free directory that readdir says are plain files or directories are
        // symlink-free too: remember them, so walking the listing costs no lstat or stat.
        let parentIsPlain = isRoot || plainPaths.contains(relative)
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name != "." && name != ".." else { continue }
            names.append(name)
            if parentIsPlain, let kind = DirectoryEntryType.kind(entry.pointee.d_type) {
                plainPaths.remember(isRoot ? name : "\(relative)/\(name)", kind: kind, onlyIfPlain: false)
            }
        }
        return names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            .map { isRoot ? $0 : "\(relative)/\($0)" }
    }

    /// The absolute path on disk of a resolved relative path.
    public func absolute(_ relative: String) -> String {
        relative.isEmpty || relative == "." ? root : "\(root)/\(relative)"
    }

    /// Walks the path one component at a time so a symlink anywhere along it is checked
    /// against the root before it is followed. Components found to exist and not be symlinks
    /// are remembered, so a later path under an already walked directory costs one lookup per
    /// new component instead of one `lstat` per component.
    private func checkSymlinks(along relative: String, original: String) throws(SandboxError) {
        if plainPaths.contains(relative) { return }
        var hops = 0
        var pending = relative.split(separator: "/").map(String.init)
        var resolved = ""
        var followed: String?
        while !pending.isEmpty {
            let component = pending.removeFirst()
            if component == "." || component.isEmpty { continue }
            if component == ".." {
                guard !resolved.isEmpty else {
                    throw SandboxError(path: original, problem: followed.map { .symlinkOutside($0) } ?? .escapesRoot)
                }
                resolved = resolved.lastIndex(of: "/").map { String(resolved[..<$0]) } ?? ""
                continue
            }
            let candidate = resolved.isEmpty ? component : resolved + "/" + component
            // Every prefix of `candidate` is a real directory, so a remembered `candidate` is one too.
            if plainPaths.contains(candidate) {
                resolved = candidate
                continue
            }
            let target: String
            switch SymbolicLink.inspect(absolute(candidate)) {
            case .missing:
                resolved = candidate
                continue
            case .plain:
                plainPaths.insert(candidate)
                resolved = candidate
                continue
            case .link(let text):
                target = text
            }
            hops += 1
            followed = target
            if hops > 40 { throw SandboxError(path: original, problem: .symlinkLoop) }
            if target.hasPrefix("/") {
                guard target == root || target.hasPrefix(root + "/") else {
                    throw SandboxError(path: original, problem: .symlinkOutside(target))
                }
                resolved = ""
                pending = target.dropFirst(root.count).split(separator: "/").map(String.init) + pending
            } else {
                pending = target.split(separator: "/").map(String.init) + pending
            }
        }
    }
}

/// What a path in the tree is.
public enum EntryKind: Sendable, Equatable {
    case file, directory, other
}
