import CGit2

/// libgit2's process-wide state: initialised once, with settings that keep a hostile repository harmless.
enum GitLibrary {
    /// Runs `git_libgit2_init` and the global options exactly once per process.
    static func ensureInitialized() { _ = initialized }

    private static let initialized: Bool = {
        git_libgit2_init()
        // Ignore system, global and XDG git config: a user's url.insteadOf or credential helper must not leak in.
        for level in [GIT_CONFIG_LEVEL_PROGRAMDATA, GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL] {
            _ = capstan_git_opt_set_search_path(level.rawValue, "")
        }
        // Pack windows count in RSS once touched; small windows keep packing a large tree within a bounded footprint.
        _ = capstan_git_opt_set_mwindow_size(8 << 20)
        _ = capstan_git_opt_set_mwindow_mapped_limit(48 << 20)
        _ = capstan_git_opt_set_user_agent("capstan-fetcher")
        // Every object was hashed by the indexer when it arrived; re-hashing on each read (SHA-1DC)
        // doubled pack time. git itself does not verify on read either.
        _ = capstan_git_opt_enable_strict_hash_verification(0)
        return true
    }()
}
