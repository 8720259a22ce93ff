import Git

/// The entries of a commit's tree that go into its artifact, in packing order, and every path kept.
/// With `submodules`, a gitlink's tree is listed at its path from the submodule's own mirror.
struct TreeListing {
    /// One entry to pack and the repository (index into `repositories`) whose object database holds it.
    struct Item {
        let entry: TreeEntry
        let repository: Int
    }

    private(set) var items: [Item] = []
    private(set) var repositories: [Repository] = []
    private(set) var paths: Set<String> = []
    private(set) var warnings: [String] = []
    private let matcher: IgnoreMatcher
    private let submodules: SubmoduleMirrors?

    init(_ module: SubmoduleMirrors.Module, matcher: IgnoreMatcher, submodules: SubmoduleMirrors?) throws {
        self.matcher = matcher
        self.submodules = submodules
        try list(module, prefix: "")
    }

    private mutating func list(_ module: SubmoduleMirrors.Module, prefix: String) throws {
        let index = repositories.count
        repositories.append(module.repository)
        var gitlinks: [TreeEntry] = []
        try module.repository.walkTree(of: module.commit, prefix: prefix, enter: { directory in
            guard !TreeListing.isGitDirectory(directory), !matcher.ignores(directory) else { return false }
            paths.insert(String(directory.dropLast()))
            return true
        }, visit: { entry in
            guard !TreeListing.isGitDirectory(entry.path), !matcher.ignores(entry.path) else { return }
            // A gitlink stands where its tree goes: a placeholder item keeps the packing order.
            if entry.kind == .submodule { gitlinks.append(entry) }
            items.append(Item(entry: entry, repository: index))
            paths.insert(entry.path)
        })
        guard !gitlinks.isEmpty else { return }
        try expand(gitlinks, in: module, prefix: prefix)
    }

    /// Replaces each gitlink placeholder by its submodule's listing, or drops it with a warning.
    private mutating func expand(_ gitlinks: [TreeEntry], in module: SubmoduleMirrors.Module, prefix: String) throws {
        for gitlink in gitlinks {
            let position = items.firstIndex { $0.entry.path == gitlink.path && $0.entry.kind == .submodule }!
            let before = Array(items[..<position]), after = Array(items[(position + 1)...])
            items = before
            if let submodules {
                let relative = String(gitlink.path.dropFirst(prefix.count))
                let child = try submodules.open(path: relative, commit: gitlink.id, parent: module)
                try list(child, prefix: gitlink.path + "/")
            } else {
                warnings.append("submodule \(gitlink.path) left out: submodules are not followed (set includeSubmodules)")
            }
            items += after
        }
    }

    private static func isGitDirectory(_ path: String) -> Bool {
        path.split(separator: "/").contains(".git")
    }

    /// Why a symlink cannot be kept (absolute, escaping the tree, or pointing at nothing packed), or nil.
    func symlinkProblem(_ path: String, target: String) -> String? {
        if target.hasPrefix("/") { return "absolute target" }
        var resolved = path.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/") where part != "." {
            if part == ".." {
                guard !resolved.isEmpty else { return "target is outside the repository" }
                resolved.removeLast()
            } else {
                resolved.append(String(part))
            }
        }
        let joined = resolved.joined(separator: "/")
        return resolved.isEmpty || paths.contains(joined) ? nil : "target does not exist in the packed tree"
    }
}
