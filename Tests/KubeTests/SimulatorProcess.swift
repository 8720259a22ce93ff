import Foundation

/// `capstan-kubesim` (built with the tests) as a child process on a free 127.0.0.1 port.
final class SimulatorProcess {
    let process = Process()
    let output: TestDirectory
    let port: Int

    static var executable: String? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug").path,
        ]
        return candidates.map { "\($0)/capstan-kubesim" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(_ arguments: [String] = []) throws {
        guard let executable = Self.executable else { throw TestFailure("capstan-kubesim is not built") }
        output = try TestDirectory()
        let log = try output.write("log", "")
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--listen", "127.0.0.1:0", "--rollout-delay", "50ms"] + arguments
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            let text = output.read("log") ?? ""
            if let range = text.range(of: "127.0.0.1:") {
                found = Int(text[range.upperBound...].prefix { $0.isNumber })
            }
            if found == nil { usleep(20_000) }
        }
        guard let found else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            output.remove()
            throw TestFailure("capstan-kubesim did not report its port")
        }
        port = found
    }

    var url: String { "http://127.0.0.1:\(port)" }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        output.remove()
    }
}
