import CapstanTesting
import Foundation

/// One run of the built `capstan` executable: exit status, standard output and error, waited
/// for without blocking the cooperative pool (the termination handler resumes the test).
struct CommandRun: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String

    var lines: [String] { stdout.split(separator: "\n").map(String.init) }

    static func capstan(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> CommandRun {
        try await run(try ChildProcess.builtExecutable("capstan"), arguments, environment: extra)
    }

    static func run(_ executable: URL, _ arguments: [String], environment extra: [String: String] = [:]) async throws -> CommandRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out"), err = directory.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = nil
        environment["CAPSTAN_CONFIG"] = nil
        process.environment = environment.merging(extra) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return CommandRun(status: status, stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }
}
