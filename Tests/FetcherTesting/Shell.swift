import Foundation

/// Runs commands for tests with the user's git config and proxies ignored.
public enum Shell {
    /// The environment every test process gets: no system/global git config, a throwaway HOME, no proxies.
    public static func environment(home: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "GIT_DIR", "GIT_WORK_TREE"] {
            environment[key] = nil
        }
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["HOME"] = home
        environment["GIT_AUTHOR_NAME"] = "Capstan Test"
        environment["GIT_AUTHOR_EMAIL"] = "test@capstan.dev"
        environment["GIT_COMMITTER_NAME"] = "Capstan Test"
        environment["GIT_COMMITTER_EMAIL"] = "test@capstan.dev"
        return environment
    }

    /// Runs `arguments` in `directory` and returns stdout; throws with the output when the exit status is not 0.
    @discardableResult
    public static func run(_ arguments: [String], in directory: String, home: String, environment extra: [String: String] = [:]) throws -> String {
        let output = NSTemporaryDirectory() + "capstan-shell-\(UUID().uuidString).out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let process = try Subprocess.spawn(arguments, in: directory, environment: environment(home: home).merging(extra) { $1 }, output: output)
        let status = process.wait()
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else { throw ShellError(command: arguments.joined(separator: " "), status: status, stderr: text) }
        return text
    }
}

/// A test command that failed.
public struct ShellError: Error, CustomStringConvertible {
    public let command: String
    public let status: Int32
    public let stderr: String
    public var description: String { "`\(command)` exited \(status): \(stderr)" }
}
