import CapstanTesting
import Foundation

/// One run of an executable (`capstan-applier`, `kubectl`) with a file as standard input: exit
/// status and output, read from files once the process has exited (polled with a deadline, so
/// the cooperative pool never blocks and a hung process fails the test instead of stalling it).
struct ProcessRun: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }

    struct StillRunning: Error, CustomStringConvertible {
        var description: String
    }

    /// `capstan-applier <arguments>`, built next to the test bundle.
    static func applier(_ arguments: [String]) async throws -> ProcessRun {
        try await run(try ChildProcess.builtExecutable("capstan-applier"), arguments)
    }

    /// `kubectl <arguments>` with a scratch HOME, so no cache or config of the machine is used.
    static func kubectl(_ kubectl: String, _ arguments: [String], input: String? = nil) async throws -> ProcessRun {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kubectl-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        return try await run(URL(fileURLWithPath: kubectl), arguments, input: input, environment: ["HOME": home.path])
    }

    static func run(_ executable: URL, _ arguments: [String], input: String? = nil, environment extra: [String: String] = [:],
                    within timeout: Duration = .seconds(60)) async throws -> ProcessRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = ["in", "out", "err"].map { directory.appendingPathComponent($0) }
        for file in files { FileManager.default.createFile(atPath: file.path, contents: nil) }
        try (input ?? "").write(to: files[0], atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        process.standardInput = try FileHandle(forReadingFrom: files[0])
        process.standardOutput = try FileHandle(forWritingTo: files[1])
        process.standardError = try FileHandle(forWritingTo: files[2])
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                throw StillRunning(description: "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) still running after \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        return ProcessRun(status: process.terminationStatus, stdout: try String(contentsOf: files[1], encoding: .utf8),
                          stderr: try String(contentsOf: files[2], encoding: .utf8))
    }
}
