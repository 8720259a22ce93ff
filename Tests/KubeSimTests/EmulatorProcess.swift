import Foundation

/// The real `capstan-kubesim` executable started on a free port; stopped on `stop()`.
final class EmulatorProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let logFile: URL

    /// The built executable next to the test bundle.
    static var executable: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug"),
        ]
        return candidates.map { $0.appendingPathComponent("capstan-kubesim") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    init(arguments: [String] = []) throws {
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent("kubesim-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process.executableURL = Self.executable
        process.arguments = ["--listen", "127.0.0.1:0", "--rollout-delay", "100ms"] + arguments
        process.standardOutput = try FileHandle(forWritingTo: logFile)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            if let range = text.range(of: "listening on http://127.0.0.1:") ?? text.range(of: "listening on https://127.0.0.1:") {
                found = Int(text[range.upperBound...].prefix { $0.isNumber })
            } else {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        guard let found else {
            process.terminate()
            throw EmulatorError(message: "capstan-kubesim did not report its port within 20 s")
        }
        port = found
    }

    /// Sends `signal` and waits up to `seconds` for the process to exit; true when it did.
    func interrupt(_ signal: Int32, within seconds: Double) async throws -> Bool {
        kill(process.processIdentifier, signal)
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        return !process.isRunning
    }

    /// What the emulator printed so far.
    var output: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: logFile)
    }

    struct EmulatorError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
