import Git

/// The entries of a commit's tree that go into its artifact, in packing order, and every path kept.
struct TreeListing {
    private(set) var entries: [TreeEntry] = []
    private(set) var paths: Set<String> = []
    private(set) var warnings: [String] = []

    init(_ repository: Repository, commit: ObjectID, matcher: IgnoreMatcher) throws {
        try repository.walkTree(of: commit, enter: { directory in
            guard !TreeListing.isGitDirectory(directory), !matcher.ignores(directory) else { return false }
            paths.insert(String(directory.dropLast()))
            return true
        }, visit: { entry in
            guard !TreeListing.isGitDirectory(entry.path), !matcher.ignores(entry.path) else { return }
            if entry.kind == .submodule {
                warnings.append("submodule \(entry.path) left out: submodules are not followed")
                return
            }
            entries.append(entry)
            paths.insert(entry.path)
        })
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
