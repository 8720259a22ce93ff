import CGit2

extension Repository {
    /// Where a commit fetched by id is kept, so it stays in the mirror although no branch or tag has it.
    public static func pinnedReference(_ id: ObjectID) -> String { "refs/capstan/pinned/\(id.hex)" }

    /// Fetches commit `id` by its id, for a pinned commit that no branch or tag of the remote reaches.
    ///
    /// libgit2 (1.4 and later) asks for the id only when the server advertises
    /// `allow-tip-sha1-in-want` or `allow-reachable-sha1-in-want` (git: `uploadpack.allowReachableSHA1InWant`
    /// or `uploadpack.allowAnySHA1InWant`; GitHub and GitLab allow it); otherwise this fails with `.notFound`.
    public func fetchCommit(_ id: ObjectID, from url: String, options: FetchOptions) throws(GitError) -> FetchStats {
        let stats: FetchStats
        do {
            stats = try fetch(from: url, options: options, refspecs: ["+\(id.hex):\(Repository.pinnedReference(id))"], prune: false)
        } catch where error.kind == .other || error.kind == .notFound {
            throw GitError(function: "fetch commit", code: error.code, message: "commit \(id.hex) is not reachable from any branch or tag of the remote, and fetching it by id failed (the server must allow it: uploadpack.allowReachableSHA1InWant or allowAnySHA1InWant): \(error.message)", kind: .notFound)
        }
        guard hasCommit(id) else {
            throw GitError(function: "fetch commit", message: "commit \(id.hex) is not on the remote (not reachable from any branch or tag, and the server did not send it by id)", kind: .notFound)
        }
        return stats
    }
}
