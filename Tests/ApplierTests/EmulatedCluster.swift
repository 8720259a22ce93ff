import Applier
import CapstanCore
import CapstanTesting
import Foundation
import Kube

/// A real `capstan-kubesim` process on a free loopback port, with a kubeconfig and a Reconciler for it.
final class EmulatedCluster: Sendable {
    let process: ChildProcess
    let port: Int
    let kubeconfig: URL

    init() async throws {
        process = try ChildProcess(try ChildProcess.builtExecutable("capstan-kubesim"), ["--listen", "127.0.0.1:0", "--rollout-delay", "20ms"])
        do {
            let line = try await process.line(containing: "listening on http://127.0.0.1:")
            port = Int(line.split(separator: ":").last!.prefix { $0.isNumber })!
            kubeconfig = FileManager.default.temporaryDirectory.appendingPathComponent("applier-kubeconfig-\(UUID().uuidString)")
            try """
                apiVersion: v1
                kind: Config
                clusters: [{name: sim, cluster: {server: "http://127.0.0.1:\(port)"}}]
                users: [{name: sim, user: {}}]
                contexts: [{name: sim, context: {cluster: sim, user: sim}}]
                current-context: sim
                """.write(to: kubeconfig, atomically: true, encoding: .utf8)
        } catch {
            process.stop()
            throw error
        }
    }

    func reconciler() throws -> Reconciler {
        var reconciler = Reconciler(client: KubeClusterClient(kube: KubeClient(config: try KubeConfig.fromFiles([kubeconfig.path]))))
        reconciler.pollInterval = .milliseconds(20)
        return reconciler
    }

    /// Write requests the emulator has counted so far (`apiserver_request_total` of writing verbs).
    func writes() async throws -> Int {
        let text = try await LoopbackHTTP.get(port: port, path: "/metrics").body
        let verbs = ["POST", "PUT", "PATCH", "APPLY", "DELETE", "DELETECOLLECTION"]
        return text.split(separator: "\n").filter { line in
            line.hasPrefix("apiserver_request_total{") && verbs.contains { line.contains("verb=\"\($0)\"") }
        }.reduce(0) { $0 + (Int($1.split(separator: " ").last ?? "") ?? 0) }
    }

    func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: kubeconfig)
    }
}
