#ifndef CGit2_SHIM_H
#define CGit2_SHIM_H
#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call: typed wrappers for the options Capstan sets. */
static inline int capstan_git_opt_set_search_path(int level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}
static inline int capstan_git_opt_set_ssl_cert_file(const char *file) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, (const char *)0);
}
static inline int capstan_git_opt_set_mwindow_size(size_t size) {
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, size);
}
static inline int capstan_git_opt_set_mwindow_mapped_limit(size_t limit) {
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, limit);
}
static inline int capstan_git_opt_enable_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
static inline int capstan_git_opt_set_user_agent(const char *agent) {
    return git_libgit2_opts(GIT_OPT_SET_USER_AGENT, agent);
}
#endif
