import CapstanCore
import CapstanTesting
import FetcherTesting
import Foundation

/// Three stage processes, kubesim and a git repository, sharing one config; stopped and
/// removed by `with` whatever the test does.
struct Stack {
    let git: GitFixture
    let cluster: KubeSim
    let config: String
    let processes: StageProcesses
    /// The running stage processes by stage name.
    var stages: [String: ChildProcess] { processes.current }

    static func with(files: [String: String], apps: [String] = ["web"], interval: String = "1h",
                     _ body: (Stack) async throws -> Void) async throws {
        let git = try GitFixture()
        defer { git.remove() }
        try git.commit("first", files: files)
        let cluster = try await KubeSim.start()
        defer { cluster.stop() }
        let config = git.root("capstan.yaml")
        let ports = (0..<9).map { _ in StablePort.next() }
        try """
            sources:
              - { name: site, url: "\(git.path)", interval: \(interval) }
            apps:
            \(apps.map { "  - { name: \($0), source: site, path: apps/\($0), targetNamespace: shop, prune: true, timeout: 30s }" }.joined(separator: "\n"))
            stages:
              fetcher: { pub: "tcp://127.0.0.1:\(ports[0])", router: "tcp://127.0.0.1:\(ports[1])", http: "127.0.0.1:\(ports[2])", data: "\(git.root("fetcher"))" }
              renderer: { pub: "tcp://127.0.0.1:\(ports[3])", router: "tcp://127.0.0.1:\(ports[4])", http: "127.0.0.1:\(ports[5])", data: "\(git.root("renderer"))" }
              applier: { pub: "tcp://127.0.0.1:\(ports[6])", router: "tcp://127.0.0.1:\(ports[7])", http: "127.0.0.1:\(ports[8])", kubeconfig: "\(cluster.kubeconfig)" }
            """.write(toFile: config, atomically: true, encoding: .utf8)
        // `--http` explicitly: the stages' default HTTP ports would collide with other test runs.
        let processes = StageProcesses(Dictionary(uniqueKeysWithValues: ["fetcher", "renderer", "applier"].enumerated().map { index, stage in
            (stage, (executable: "capstan-\(stage)", arguments: ["run", "--config", config, "--http", "127.0.0.1:\(ports[index * 3 + 2])"]))
        }))
        defer { processes.stopAll() }
        try processes.startAll()
        try await body(Stack(git: git, cluster: cluster, config: config, processes: processes))
    }

    func capstan(_ arguments: [String]) async throws -> CommandRun {
        try await CommandRun.capstan(["--config", config] + arguments)
    }

    /// Polls `capstan status` until a line matches.
    func waitForStatus(within timeout: Duration = .seconds(60), _ matches: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var last = CommandRun(status: 0, stdout: "", stderr: "")
        while ContinuousClock.now < deadline {
            last = try await capstan(["status"])
            if let line = last.lines.first(where: matches) { return line }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw StackTimeout(description: "no matching status line within \(timeout):\n\(last.stdout)\(last.stderr)\n\(logs())")
    }

    /// Polls `capstan status -o json` until the app's merged entry matches; returns it.
    func waitForApp(_ app: String, within timeout: Duration = .seconds(60), _ matches: (JSONValue) -> Bool) async throws -> JSONValue {
        let deadline = ContinuousClock.now + timeout
        var last = JSONValue.null
        while ContinuousClock.now < deadline {
            let run = try await capstan(["status", "-o", "json"])
            if let entry = (try? JSONValue.parse(run.stdout))?["apps"]?.arrayValue?.first(where: { $0["app"]?.stringValue == app }) {
                if matches(entry) { return entry }
                last = entry
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw StackTimeout(description: "\(app) did not match within \(timeout); last: \(last.serialized())\n\(logs(limit: 200))")
    }

    /// Every stage's log so far (the last `limit` lines of each, over all its runs), for failure messages.
    func logs(limit: Int = 30) -> String {
        processes.names.map { "--- \($0)\n" + processes.lines($0).suffix(limit).joined(separator: "\n") }.joined(separator: "\n")
    }
}

/// A wait on the stack that ran past its deadline, with what the stages logged.
struct StackTimeout: Error, CustomStringConvertible {
    var description: String
}
