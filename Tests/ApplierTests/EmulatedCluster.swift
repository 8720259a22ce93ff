import Applier
import CapstanCore
import CapstanTesting
import Foundation
import Kube

/// A real `capstan-kubesim` process on a free loopback port, with a kubeconfig and a Reconciler for it.
final class EmulatedCluster: Sendable {
    let process: ChildProcess
    let port: Int
    let server: String
    let kubeconfig: URL

    /// `arguments` go to the emulator (`--token`, `--tls-cert`, `--faults` …); `user` and `cluster` are extra
    /// kubeconfig fields in flow style (`token: T`, `certificate-authority: F`).
    init(_ arguments: [String] = [], user: String = "", cluster: String = "") async throws {
        process = try ChildProcess(
            try ChildProcess.builtExecutable("capstan-kubesim"), ["--listen", "127.0.0.1:0", "--rollout-delay", "20ms"] + arguments)
        do {
            let line = try await process.line(containing: "listening on http")
            port = Int(line.split(separator: ":").last!.prefix { $0.isNumber })!
            server = String(line.split(separator: " ").last!)
            kubeconfig = FileManager.default.temporaryDirectory.appendingPathComponent("applier-kubeconfig-\(UUID().uuidString)")
            try Self.writeKubeconfig(kubeconfig, server: server, user: user, cluster: cluster)
        } catch {
            process.stop()
            throw error
        }
    }

    /// Another kubeconfig for the same emulator, e.g. with a wrong token or CA; removed by `stop()`'s caller.
    func kubeconfig(user: String, cluster: String = "") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("applier-kubeconfig-\(UUID().uuidString)")
        try Self.writeKubeconfig(url, server: server, user: user, cluster: cluster)
        return url
    }

    private static func writeKubeconfig(_ url: URL, server: String, user: String, cluster: String) throws {
        try """
            apiVersion: v1
            kind: Config
            clusters: [{name: sim, cluster: {server: "\(server)"\(cluster.isEmpty ? "" : ", \(cluster)")}}]
            users: [{name: sim, user: {\(user)}}]
            contexts: [{name: sim, context: {cluster: sim, user: sim}}]
            current-context: sim
            """.write(to: url, atomically: true, encoding: .utf8)
    }

    func kube() throws -> KubeClient {
        KubeClient(config: try KubeConfig.fromFiles([kubeconfig.path]))
    }

    func reconciler() throws -> Reconciler {
        var reconciler = Reconciler(client: KubeClusterClient(kube: try kube()))
        reconciler.pollInterval = .milliseconds(20)
        return reconciler
    }

    /// Write requests the emulator has counted so far (`apiserver_request_total` of writing verbs).
    func writes() async throws -> Int {
        try await requests(verbs: ["POST", "PUT", "PATCH", "APPLY", "DELETE", "DELETECOLLECTION"])
    }

    /// Requests to resources the emulator has counted so far, of the given verbs.
    func requests(verbs: [String]) async throws -> Int {
        let text = try await LoopbackHTTP.get(port: port, path: "/metrics").body
        return text.split(separator: "\n").filter { line in
            line.hasPrefix("apiserver_request_total{") && verbs.contains { line.contains("verb=\"\($0)\"") }
        }.reduce(0) { $0 + (Int($1.split(separator: " ").last ?? "") ?? 0) }
    }

    func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: kubeconfig)
    }
}
