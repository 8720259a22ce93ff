import CapstanTesting
import Foundation

/// A real `capstan-kubesim` process on a free loopback port and a kubeconfig naming it; what
/// deploy/ is applied to.
final class EmulatedCluster: Sendable {
    let process: ChildProcess
    let port: Int
    let kubeconfig: URL

    init() async throws {
        process = try ChildProcess(try ChildProcess.builtExecutable("capstan-kubesim"), ["--listen", "127.0.0.1:0", "--rollout-delay", "20ms"])
        do {
            let line = try await process.line(containing: "listening on http")
            let server = String(line.split(separator: " ").last!)
            port = Int(server.split(separator: ":").last!.prefix { $0.isNumber })!
            kubeconfig = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-kubeconfig-\(UUID().uuidString)")
            try """
                apiVersion: v1
                kind: Config
                clusters: [{name: sim, cluster: {server: "\(server)"}}]
                users: [{name: sim, user: {}}]
                contexts: [{name: sim, context: {cluster: sim, user: sim}}]
                current-context: sim
                """.write(to: kubeconfig, atomically: true, encoding: .utf8)
        } catch {
            process.stop()
            throw error
        }
    }

    /// `capstan-applier apply --app <app> --prune` of `bundle` (multi-document YAML) on this cluster.
    func capstanApply(app: String, _ bundle: String) async throws -> ProcessRun {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-bundle-\(UUID().uuidString).yaml")
        try bundle.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try await ProcessRun.applier(["apply", "--app", app, "--kubeconfig", kubeconfig.path, "--prune", file.path])
    }

    /// `kubectl --kubeconfig <this cluster> <arguments>`.
    func kubectl(_ kubectl: String, _ arguments: [String], input: String? = nil) async throws -> ProcessRun {
        try await ProcessRun.kubectl(kubectl, ["--kubeconfig", kubeconfig.path] + arguments, input: input)
    }

    /// Write requests the emulator has counted so far (`apiserver_request_total` of writing verbs).
    func writes() async throws -> Int {
        let text = try await LoopbackHTTP.get(port: port, path: "/metrics").body
        let verbs = ["POST", "PUT", "PATCH", "APPLY", "DELETE", "DELETECOLLECTION"]
        return text.split(separator: "\n").filter { line in
            line.hasPrefix("apiserver_request_total{") && verbs.contains { line.contains("verb=\"\($0)\"") }
        }.reduce(0) { $0 + (Int($1.split(separator: " ").last ?? "") ?? 0) }
    }

    /// The object at an API path (`/apis/apps/v1/namespaces/x/deployments/y`), or nil when it does not exist.
    func get(_ path: String) async throws -> String? {
        let reply = try await LoopbackHTTP.get(port: port, path: path)
        return reply.status == 200 ? reply.body : nil
    }

    func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: kubeconfig)
    }
}
