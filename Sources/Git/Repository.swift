import CGit2

/// An open bare repository: the one owner of a `git_repository` handle, used on one thread only.
public final class Repository {
    let handle: OpaquePointer
    /// Where the repository lives on disk.
    public let path: String

    private init(handle: OpaquePointer, path: String) {
        self.handle = handle
        self.path = path
    }

    deinit { git_repository_free(handle) }

    /// Opens the bare repository at `path`, creating an empty one first when none is there.
    public static func openOrCreateBare(at path: String) throws(GitError) -> Repository {
        GitLibrary.ensureInitialized()
        var handle: OpaquePointer?
        let opened = git_repository_open_bare(&handle, path)
        if opened == GIT_ENOTFOUND.rawValue || handle == nil {
            try check("git_repository_init", git_repository_init(&handle, path, 1))
        } else {
            try check("git_repository_open_bare", opened)
        }
        guard let handle else { throw GitError(function: "git_repository_init", message: "no repository at \(path)") }
        return Repository(handle: handle, path: path)
    }

    /// Opens an existing bare repository, failing when there is none.
    public static func openBare(at path: String) throws(GitError) -> Repository {
        GitLibrary.ensureInitialized()
        var handle: OpaquePointer?
        try check("git_repository_open_bare", git_repository_open_bare(&handle, path))
        guard let handle else { throw GitError(function: "git_repository_open_bare", message: "no repository at \(path)") }
        return Repository(handle: handle, path: path)
    }
}
