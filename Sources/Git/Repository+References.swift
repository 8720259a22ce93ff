import CGit2

extension Repository {
    /// Finds the commit `selector` names in this mirror; annotated tags are peeled to their commit.
    public func resolve(_ selector: RefSelector) throws(GitError) -> ResolvedRef {
        switch selector {
        case .branch(let name):
            return ResolvedRef(name: name, commit: try peeledCommit(ofReference: "refs/heads/\(name)", describe: "branch '\(name)'"))
        case .tag(let name):
            return ResolvedRef(name: name, commit: try peeledCommit(ofReference: "refs/tags/\(name)", describe: "tag '\(name)'"))
        case .semver(let text):
            guard let range = SemverRange(text) else {
                throw GitError(function: "resolve", message: "'\(text)' is not a SemVer range (try '>=1.2.0 <2.0.0', '~1.4' or '^1.2')", kind: .notFound)
            }
            guard let best = range.highest(of: try tagNames()) else {
                throw GitError(function: "resolve", message: "no tag matches the SemVer range '\(text)'", kind: .notFound)
            }
            return ResolvedRef(name: best.tag, commit: try peeledCommit(ofReference: "refs/tags/\(best.tag)", describe: "tag '\(best.tag)'"))
        case .commit(let id):
            return ResolvedRef(name: "", commit: try commitID(prefix: id))
        }
    }

    /// Every tag name in the mirror.
    public func tagNames() throws(GitError) -> [String] {
        var array = git_strarray()
        try check("git_tag_list", git_tag_list(&array, handle))
        defer { git_strarray_dispose(&array) }
        return (0..<array.count).compactMap { array.strings[$0].map { String(cString: $0) } }
    }

    /// Every branch name in the mirror.
    public func branchNames() throws(GitError) -> [String] {
        var names: [String] = []
        var iterator: OpaquePointer?
        try check("git_reference_iterator_glob_new", git_reference_iterator_glob_new(&iterator, handle, "refs/heads/*"))
        defer { git_reference_iterator_free(iterator) }
        var name: UnsafePointer<CChar>?
        while git_reference_next_name(&name, iterator) == 0, let name {
            names.append(String(String(cString: name).dropFirst("refs/heads/".count)))
        }
        return names
    }

    private func peeledCommit(ofReference name: String, describe: String) throws(GitError) -> ObjectID {
        var reference: OpaquePointer?
        let found = git_reference_lookup(&reference, handle, name)
        if found == GIT_ENOTFOUND.rawValue {
            throw GitError(function: "resolve", code: found, message: "\(describe) does not exist on the remote", kind: .notFound)
        }
        try check("git_reference_lookup", found)
        defer { git_reference_free(reference) }
        var object: OpaquePointer?
        try check("git_reference_peel", git_reference_peel(&object, reference, GIT_OBJECT_COMMIT))
        defer { git_object_free(object) }
        return ObjectID(git_object_id(object).pointee)
    }

    private func commitID(prefix: String) throws(GitError) -> ObjectID {
        var oid = git_oid()
        guard prefix.utf8.count >= 4, git_oid_fromstrn(&oid, prefix, prefix.utf8.count) == 0 else {
            throw GitError(function: "resolve", message: "'\(prefix)' is not a commit id", kind: .notFound)
        }
        var commit: OpaquePointer?
        let found = git_commit_lookup_prefix(&commit, handle, &oid, prefix.utf8.count)
        if found == GIT_ENOTFOUND.rawValue {
            throw GitError(function: "resolve", code: found, message: "commit \(prefix) is not reachable from any branch or tag of the remote", kind: .notFound)
        }
        try check("git_commit_lookup_prefix", found)
        defer { git_commit_free(commit) }
        return ObjectID(git_commit_id(commit).pointee)
    }
}
