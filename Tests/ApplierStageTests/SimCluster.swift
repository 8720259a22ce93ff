import CapstanCore
import CapstanTesting
import Foundation
import Kube

/// A real `capstan-kubesim` process with a kubeconfig, a KubeClient for assertions and kubectl.
final class SimCluster: Sendable {
    let process: ChildProcess
    let port: Int
    let kubeconfig: URL
    let kube: KubeClient

    init() async throws {
        process = try ChildProcess(try ChildProcess.builtExecutable("capstan-kubesim"), ["--listen", "127.0.0.1:0", "--rollout-delay", "20ms"])
        do {
            let line = try await process.line(containing: "listening on http://127.0.0.1:")
            port = Int(line.split(separator: ":").last!.prefix { $0.isNumber })!
            kubeconfig = FileManager.default.temporaryDirectory.appendingPathComponent("applier-stage-kubeconfig-\(UUID().uuidString)")
            try """
                apiVersion: v1
                kind: Config
                clusters: [{name: sim, cluster: {server: "http://127.0.0.1:\(port)"}}]
                users: [{name: sim, user: {}}]
                contexts: [{name: sim, context: {cluster: sim, user: sim}}]
                current-context: sim
                """.write(to: kubeconfig, atomically: true, encoding: .utf8)
            kube = KubeClient(config: try KubeConfig.fromFiles([kubeconfig.path]))
        } catch {
            process.stop()
            throw error
        }
    }

    /// The live object, or nil when it does not exist.
    func get(_ apiVersion: String, _ kind: String, namespace: String? = nil, _ name: String) async -> JSONValue? {
        try? await kube.get(GroupVersionKind(apiVersion: apiVersion, kind: kind), namespace: namespace, name: name)
    }

    /// kubectl on PATH, if installed.
    static let kubectlPath: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        .map { "\($0)/kubectl" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs kubectl against the emulator; returns its exit status.
    @discardableResult
    func kubectl(_ arguments: [String]) async throws -> Int32 {
        let child = try ChildProcess(URL(fileURLWithPath: Self.kubectlPath ?? "/usr/bin/kubectl"), ["--kubeconfig", kubeconfig.path] + arguments)
        defer { child.stop() }
        return try await child.exitStatus(within: .seconds(30))
    }

    /// An out-of-band change as an operator makes it: `kubectl <verb> …` when kubectl is installed,
    /// else the same change through the Kube client under another field manager.
    func change(_ verb: String, _ kind: String, _ name: String, namespace: String, _ argument: String = "") async throws -> Bool {
        if Self.kubectlPath != nil {
            let extra = argument.isEmpty ? [] : [argument]
            return try await kubectl([verb, kind.lowercased(), name, "-n", namespace] + extra) == 0
        }
        let (apiVersion, gvk) = kind == "Deployment" ? ("apps/v1", GroupVersionKind(group: "apps", version: "v1", kind: kind))
            : ("v1", GroupVersionKind(group: "", version: "v1", kind: kind))
        if verb == "delete" {
            try await kube.delete(gvk, namespace: namespace, name: name)
            return true
        }
        var patch: JSONValue = ["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": ["name": .string(name), "namespace": .string(namespace)]]
        let pair = argument.split(separator: "=").map(String.init)
        switch verb {
        case "scale": patch["spec"] = ["replicas": .int(Int64(pair[1])!)]
        case "label": patch.setValue(.string(pair[1]), at: ["metadata", "labels", pair[0]])
        default: patch.setValue(.string(pair[1]), at: ["metadata", "annotations", pair[0]])
        }
        _ = try await kube.apply(patch, options: ApplyOptions(fieldManager: "operator", force: true))
        return true
    }

    /// Watch requests the emulator has answered so far (`apiserver_request_total{verb="WATCH"}`).
    func watchRequests() async throws -> Int {
        try await requests(verb: "WATCH")
    }

    /// Requests of one verb (and resource, when given) the emulator has answered so far.
    func requests(verb: String, resource: String? = nil) async throws -> Int {
        let text = try await LoopbackHTTP.get(port: port, path: "/metrics").body
        return text.split(separator: "\n").filter { line in
            line.hasPrefix("apiserver_request_total{") && line.contains("verb=\"\(verb)\"")
                && (resource.map { line.contains("resource=\"\($0)\"") } ?? true)
        }.reduce(0) { $0 + (Int($1.split(separator: " ").last ?? "") ?? 0) }
    }

    func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: kubeconfig)
    }
}

/// Polls `condition` every 20 ms until it holds or `seconds` pass.
func eventually(_ seconds: Double = 20, _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return await condition()
}
