import CGit2

extension Repository {
    /// The author, time and subject of commit `id`.
    public func commitInfo(_ id: ObjectID) throws(GitError) -> CommitInfo {
        var oid = id.raw
        var commit: OpaquePointer?
        try check("git_commit_lookup", git_commit_lookup(&commit, handle, &oid))
        defer { git_commit_free(commit) }
        let author = git_commit_author(commit).pointee
        return CommitInfo(
            id: id.hex,
            author: author.name.map { String(cString: $0) } ?? "",
            email: author.email.map { String(cString: $0) } ?? "",
            time: Int64(author.when.time),
            timeOffset: Int(author.when.offset),
            subject: git_commit_summary(commit).map { String(cString: $0) } ?? "")
    }

    /// True when the object database holds commit `id`.
    public func hasCommit(_ id: ObjectID) -> Bool {
        var oid = id.raw
        var commit: OpaquePointer?
        guard git_commit_lookup(&commit, handle, &oid) == 0 else { return false }
        git_commit_free(commit)
        return true
    }
}
