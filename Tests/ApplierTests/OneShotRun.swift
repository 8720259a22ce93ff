import CapstanCore
import CapstanTesting
import Foundation

/// One run of the built `capstan-applier` binary on a bundle: its exit status and what it printed.
struct OneShotRun: CustomStringConvertible {
    var status: Int32
    var lines: [String]

    struct StillRunning: Error, CustomStringConvertible {
        var description: String
    }

    var description: String { "exit \(status):\n" + lines.joined(separator: "\n") }
    var output: String { lines.joined(separator: "\n") }

    /// Writes `objects` as a multi-document bundle and runs `capstan-applier <command> --app <app> …` on it.
    /// Output goes to a file, read once the process has exited (polled, never waited on in the pool).
    static func run(
        _ command: String, app: String, _ objects: [JSONValue], kubeconfig: URL, flags: [String] = [],
        within timeout: Duration = .seconds(60)
    ) async throws -> OneShotRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("oneshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = directory.appendingPathComponent("bundle.yaml")
        try objects.map { $0.serialized() }.joined(separator: "\n---\n").write(to: bundle, atomically: true, encoding: .utf8)
        let outputFile = directory.appendingPathComponent("output")
        FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile)
        defer { try? output.close() }

        let process = Process()
        process.executableURL = try ChildProcess.builtExecutable("capstan-applier")
        process.arguments = [command, "--app", app, "--kubeconfig", kubeconfig.path] + flags + [bundle.path]
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                throw StillRunning(description: "capstan-applier \(command) still running after \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let text = try String(contentsOf: outputFile, encoding: .utf8)
        return OneShotRun(status: process.terminationStatus, lines: text.split(separator: "\n").map(String.init))
    }
}
