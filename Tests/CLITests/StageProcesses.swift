import CapstanTesting
import Foundation

/// The stage daemons of a test stack by instance name (`fetcher`, `renderer-1`, …): each can be
/// SIGKILLed and started again with the same arguments; the output of every run is kept, so a
/// test can grep a stage's whole story across restarts.
final class StageProcesses: @unchecked Sendable {
    // @unchecked: `running` and `finished` are only touched under `lock`.
    private let lock = NSLock()
    private var running: [String: ChildProcess] = [:]
    private var finished: [String: [String]] = [:]
    private let commands: [String: (executable: String, arguments: [String])]

    /// `commands`: instance name → (executable name, arguments); nothing starts until `start`.
    init(_ commands: [String: (executable: String, arguments: [String])]) {
        self.commands = commands
    }

    var names: [String] { commands.keys.sorted() }

    var current: [String: ChildProcess] { lock.withLock { running } }

    func start(_ name: String) throws {
        guard let command = commands[name] else { throw StackTimeout(description: "no stage instance named \(name)") }
        let process = try ChildProcess(try ChildProcess.builtExecutable(command.executable), command.arguments)
        lock.withLock { running[name] = process }
    }

    func startAll() throws { for name in names { try start(name) } }

    /// SIGKILL, then waits for the process to be gone; its output joins the instance's history.
    func kill(_ name: String) async throws {
        guard let process = lock.withLock({ running.removeValue(forKey: name) }) else { return }
        process.signal(SIGKILL)
        _ = try await process.exitStatus(within: .seconds(5))
        lock.withLock { finished[name, default: []] += process.lines }
    }

    /// Every line the instance printed, over all its runs.
    func lines(_ name: String) -> [String] {
        lock.withLock { (finished[name] ?? []) + (running[name]?.lines ?? []) }
    }

    func stopAll() {
        lock.withLock { running }.values.forEach { $0.stop() }
    }
}
