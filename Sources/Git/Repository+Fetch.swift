import Foundation
import CGit2

extension Repository {
    /// The refspecs a mirror fetches: every branch and tag, force-updated so moved tags follow the remote.
    public static let mirrorRefspecs = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"]

    /// Fetches `url` into this mirror: a full download the first time, only new objects afterwards.
    /// Refs deleted on the remote are pruned. Blocks: call it on a `GitWorker`.
    public func fetch(from url: String, options: FetchOptions, refspecs: [String] = Repository.mirrorRefspecs,
                      prune: Bool = true) throws(GitError) -> FetchStats {
        let target = RemoteURL(url)
        if target.transport != .local {
            try Reachability.probe(host: target.host, port: target.port, timeout: options.connectTimeout)
        }
        var remote: OpaquePointer?
        try check("git_remote_create_anonymous", git_remote_create_anonymous(&remote, handle, url))
        defer { git_remote_free(remote) }
        let session = RemoteSession(options: options, remote: target)
        let trust = target.transport == .https ? TLSTrust.acquire(caFile: options.caFile) : nil
        defer { trust.map(TLSTrust.release) }
        let result = withExtendedLifetime(session) {
            var fetchOptions = git_fetch_options()
            git_fetch_options_init(&fetchOptions, UInt32(GIT_FETCH_OPTIONS_VERSION))
            fetchOptions.callbacks = session.callbacks()
            fetchOptions.prune = prune ? GIT_FETCH_PRUNE : GIT_FETCH_NO_PRUNE
            fetchOptions.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
            fetchOptions.update_fetchhead = 0
            fetchOptions.follow_redirects = GIT_REMOTE_REDIRECT_INITIAL
            return withStrArray(refspecs) { git_remote_fetch(remote, $0, &fetchOptions, "capstan: fetch") }
        }
        if result < 0 {
            let error = lastError("git_remote_fetch", result)
            throw session.failure ?? GitError(function: error.function, code: error.code, message: RemoteURL.redact(error.message), kind: error.kind)
        }
        return FetchStats(receivedObjects: session.receivedObjects, receivedBytes: session.receivedBytes, updatedRefs: session.updatedRefs)
    }
}

/// Lends `strings` to a C call as a `git_strarray`.
func withStrArray<T>(_ strings: [String], _ body: (UnsafePointer<git_strarray>) -> T) -> T {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return body(&array)
    }
}
