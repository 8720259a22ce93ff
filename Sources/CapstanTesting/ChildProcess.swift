import Foundation

/// A stage process started by a test: its stdout collected line by line, waited on with deadlines,
/// and killed on `stop()` if the test ends while it still runs.
public final class ChildProcess: @unchecked Sendable {
    // @unchecked: `output` is only touched under `lock`; `process` is only used from the test.
    private let process = Process()
    private let lock = NSLock()
    private var output = ""

    /// A wait that ran past its deadline; says what was awaited and what the process printed.
    public struct Timeout: Error, CustomStringConvertible {
        public var description: String
    }

    /// An executable that isn't built next to the test bundle.
    public struct MissingExecutable: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path) is not built; run `swift build` (it builds every product) first" }
    }

    /// An executable built next to the test bundle (`swift build` puts every product there).
    public static func builtExecutable(_ name: String) throws -> URL {
        let directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else { throw MissingExecutable(path: url.path) }
        return url
    }

    public init(_ executable: URL, _ arguments: [String]) throws {
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            self?.lock.withLock { self?.output += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// Every complete line printed so far.
    public var lines: [String] {
        lock.withLock { output }.split(separator: "\n").map(String.init)
    }

    /// The first complete line containing `text`, polled until `timeout`.
    public func line(containing text: String, within timeout: Duration = .seconds(20)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = lines.first(where: { $0.contains(text) }) { return line }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Timeout(description: "no line containing '\(text)' within \(timeout); output:\n\(lines.joined(separator: "\n"))")
    }

    public func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// The exit status, polled until `timeout`.
    public func exitStatus(within timeout: Duration) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else { throw Timeout(description: "still running after \(timeout)") }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    /// Kills the process if it still runs; every test calls this on its way out.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
