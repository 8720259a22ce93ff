import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Processes started with posix_spawn and reaped with waitpid on their own pid.
///
/// Foundation's `Process` on Linux can block its one monitoring thread in `wait4` on a long-running
/// child (a test's sshd), after which no other child's exit is ever noticed; tests use this instead.
public struct Subprocess: Sendable {
    public let pid: pid_t

    /// Starts `arguments` (looked up in PATH) in `directory`, stdout and stderr appended to `output`.
    public static func spawn(_ arguments: [String], in directory: String?, environment: [String: String], output: String) throws -> Subprocess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // `env -C` changes directory: posix_spawn_file_actions_addchdir_np is not visible to Swift here.
        let arguments = directory.map { ["env", "-C", $0] + arguments } ?? arguments
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // Swift's worker threads block signals and a spawned child inherits that mask: reset it, or
        // SIGTERM would never stop a server.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), defaults = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw ShellError(command: arguments.joined(separator: " "), status: status, stderr: String(cString: strerror(status)))
        }
        return Subprocess(pid: pid)
    }

    /// Waits for the exit status.
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// True while the process has not exited (reaps it when it has).
    public func isRunning() -> Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == 0
    }

    /// SIGTERM, then waits.
    public func terminate() {
        kill(pid, SIGTERM)
        _ = wait()
    }
}
