import Applier
import CapstanCore
import CapstanTesting
import Foundation
import Testing
import ZeroMQ

/// `capstan diff` with the bundle served by a stub renderer and `capstan-kubesim` as the cluster.
@Suite struct DiffCommandTests {
    static let bundle = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: web-config
        data:
          color: blue

        """

    @Test func printsWhatTheCurrentBundleWouldChangeAndExitsOneUntilApplied() async throws {
        let cluster = try await KubeSim.start()
        defer { cluster.stop() }
        let stages = try await StubPipeline()
        let digest = stages.renderers[0].serve(Array(Self.bundle.utf8))
        stages.renderers[0].setStatus(Contract.renderer(shard: "0/1", [
            Contract.rendererApp("web", source: "site", commit: Contract.commitA, phase: "Ready", bundle: digest.description),
        ]))
        try await cluster.apply(app: "setup", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n")

        let before = try await stages.capstan(["diff", "web", "--kubeconfig", cluster.kubeconfig])
        try await cluster.apply(app: "web", Self.bundle, namespace: "shop")
        let after = try await stages.capstan(["diff", "web", "--kubeconfig", cluster.kubeconfig])
        await stages.stop()

        #expect(before.status == 1, "\(before.stdout)\(before.stderr)")
        #expect(before.stdout.contains("+++ merged/ConfigMap/shop/web-config"))
        #expect(before.stdout.contains("+  color: blue"))
        #expect(after.status == 0, "\(after.stdout)\(after.stderr)")
        #expect(after.stdout.isEmpty)
    }

    @Test func anAppWithoutABundleIsAnErrorNotADiff() async throws {
        let stages = try await StubPipeline()
        stages.renderers[0].setStatus(Contract.renderer(shard: "0/1", [
            .object((Contract.rendererApp("web", source: "site", commit: Contract.commitA, phase: "Failed", error: "bad yaml").objectValue ?? [:])
                .filter { $0.key != "bundle" }),
        ]))
        let run = try await stages.capstan(["diff", "web", "--kubeconfig", "/nonexistent"])
        await stages.stop()
        #expect(run.status == 2)
        #expect(run.stderr.contains("the renderer has no bundle of web yet (phase Failed)"))
        #expect(run.stderr.contains("hint: its last render failed: bad yaml"))
    }
}

/// A `capstan-kubesim` process on a free port and a kubeconfig for it.
struct KubeSim {
    let process: ChildProcess
    let port: Int
    let kubeconfig: String

    static func start() async throws -> KubeSim {
        let process = try ChildProcess(try ChildProcess.builtExecutable("capstan-kubesim"), ["--listen", "127.0.0.1:0", "--rollout-delay", "20ms"])
        do {
            let line = try await process.line(containing: "listening on http://127.0.0.1:")
            let port = Int(line.split(separator: ":").last!.prefix { $0.isNumber })!
            let path = NSTemporaryDirectory() + "capstan-cli-kubeconfig-\(UUID().uuidString)"
            try """
                apiVersion: v1
                kind: Config
                clusters: [{name: sim, cluster: {server: "http://127.0.0.1:\(port)"}}]
                users: [{name: sim, user: {}}]
                contexts: [{name: sim, context: {cluster: sim, user: sim}}]
                current-context: sim
                """.write(toFile: path, atomically: true, encoding: .utf8)
            return KubeSim(process: process, port: port, kubeconfig: path)
        } catch {
            process.stop()
            throw error
        }
    }

    /// Applies `yaml` as `app` with Capstan's one-shot applier.
    func apply(app: String, _ yaml: String, namespace: String? = nil) async throws {
        let file = NSTemporaryDirectory() + "capstan-cli-bundle-\(UUID().uuidString).yaml"
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let lines = Locked<[String]>([])
        let status = await OneShot.apply(OneShotOptions(app: app, kubeconfig: kubeconfig, targetNamespace: namespace, input: file),
                                         prune: false, wait: false, timeout: .seconds(10)) { line in lines.withLock { $0.append(line) } }
        guard status == 0 else { throw ApplyFailure(description: lines.withLock { $0 }.joined(separator: "\n")) }
    }

    /// The object at `path` (`/api/v1/namespaces/shop/configmaps/web`), nil when absent.
    func get(_ path: String) async throws -> JSONValue? {
        let reply = try await LoopbackHTTP.get(port: port, path: path)
        // Not `cond ? parse : nil`: JSONValue is nil-literal convertible, so that would be `.null`.
        guard reply.status == 200 else { return Optional<JSONValue>.none }
        return try JSONValue.parse(reply.body)
    }

    struct ApplyFailure: Error, CustomStringConvertible { var description: String }

    func stop() {
        process.stop()
        try? FileManager.default.removeItem(atPath: kubeconfig)
    }
}
