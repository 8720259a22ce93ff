import Foundation

/// Runs the real kubectl against one emulator with a fresh HOME (and so a cold cache).
struct Kubectl {
    let home: URL

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var path: String? {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .map { "\($0)/kubectl" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(port: Int, scheme: String = "http", user: String = "{}", certificateAuthority: String? = nil) throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("kubectl-home-\(UUID().uuidString)")
        let kube = home.appendingPathComponent(".kube")
        try FileManager.default.createDirectory(at: kube, withIntermediateDirectories: true)
        let authority = certificateAuthority.map { "\n    certificate-authority: \($0)" } ?? ""
        let config = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: sim
              cluster:
                server: \(scheme)://127.0.0.1:\(port)\(authority)
            users:
            - name: sim
              user: \(user)
            contexts:
            - name: sim
              context:
                cluster: sim
                user: sim
            current-context: sim
            """
        try config.write(to: kube.appendingPathComponent("config"), atomically: true, encoding: .utf8)
    }

    /// Runs kubectl with `input` on stdin; kills it after `killAfter` seconds (for watches) or 60 s.
    func run(_ arguments: [String], input: String? = nil, environment extra: [String: String] = [:], killAfter: Double = 60)
        async throws -> Result
    {
        let out = home.appendingPathComponent("out-\(UUID().uuidString)")
        let err = home.appendingPathComponent("err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.path ?? "/usr/bin/kubectl")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["KUBECONFIG"] = home.appendingPathComponent(".kube/config").path
        environment["KUBECTL_EXTERNAL_DIFF"] = nil
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(killAfter)
        while process.isRunning {
            if Date() > deadline { process.terminate() }
            try await Task.sleep(for: .milliseconds(20))
        }
        return Result(status: process.terminationStatus, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// Polls the emulator's metrics until a watch on `resource` has been answered (a `kubectl get -w` is listening).
    func waitForWatch(on resource: String) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            let metrics = try await run(["get", "--raw", "/metrics"])
            if metrics.stdout.contains("resource=\"\(resource)\",verb=\"WATCH\"") { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(message: "no watch on \(resource) within 20 s")
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    func cleanUp() { try? FileManager.default.removeItem(at: home) }
}
