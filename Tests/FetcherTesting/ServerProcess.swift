import Foundation

/// A server a test started; `stop()` (or deinit) terminates it and waits, so no process outlives its test.
public final class ServerProcess: @unchecked Sendable {
    // Safe to share in tests: `stopped` is guarded by `lock`; the rest is immutable.
    private let process: Subprocess
    private let lock = NSLock()
    private var stopped = false
    public let port: Int
    public let logPath: String

    /// Starts `arguments` and waits until 127.0.0.1:`port` accepts connections.
    public init(_ arguments: [String], port: Int, home: String, log: String, environment extra: [String: String] = [:]) throws {
        self.port = port
        logPath = log
        process = try Subprocess.spawn(arguments, in: nil, environment: Shell.environment(home: home).merging(extra) { $1 }, output: log)
        do {
            try FreePort.waitUntilAccepting(port)
        } catch {
            stop()
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw ShellError(command: arguments.joined(separator: " "), status: -1, stderr: output)
        }
    }

    deinit { stop() }

    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        process.terminate()
    }
}
