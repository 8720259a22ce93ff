import CapstanCore
import CapstanTesting
import FetcherTesting
import Foundation
import Testing

/// The real `capstan-applier run` process: config file, sockets, logs, metrics, graceful exit.
@Suite struct ExecutableTests {
    @Test func daemonProcessReconcilesLogsAppRevisionBundleAndStopsOnSIGTERM() async throws {
        let cluster = try await SimCluster()
        defer { cluster.stop() }
        let renderer = try await RendererDouble()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("applier-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (pub, router, http) = (FreePort.next(), FreePort.next(), FreePort.next())
        let config = directory.appendingPathComponent("capstan.yaml")
        try """
            sources: [{name: repo, url: "file:///nonexistent"}]
            apps:
            \(appYAML("shop"))
            stages:
              renderer: { pub: "\(renderer.pub)", router: "\(renderer.router)", data: \(directory.path) }
              applier: { pub: "tcp://127.0.0.1:\(pub)", router: "tcp://127.0.0.1:\(router)", kubeconfig: \(cluster.kubeconfig.path) }
            """.write(to: config, atomically: true, encoding: .utf8)
        let applier = try ChildProcess(try ChildProcess.builtExecutable("capstan-applier"),
                                       ["run", "--config", config.path, "--http", "127.0.0.1:\(http)"])
        defer { applier.stop() }
        _ = try await applier.line(containing: "msg=\"publishing\"")
        let digest = renderer.publish(app: "shop", revision: "main@sha1:7", yaml: Bundles.join(Bundles.namespace("shop"), Bundles.configMap("a")))

        let line = try await applier.line(containing: "msg=\"reconciled\"")
        #expect(line.contains("app=shop"))
        #expect(line.contains("revision=main@sha1:7"))
        #expect(line.contains("bundle=\(digest)"))
        #expect(applier.lines.contains { $0.contains("msg=\"created\"") && $0.contains("object=ConfigMap/shop/a") }, "\(applier.lines)")
        let metrics = try await LoopbackHTTP.get(port: http, path: "/metrics").body
        #expect(metrics.contains("capstan_applier_reconciles_total{app=\"shop\",result=\"ready\"} 1"))
        #expect(metrics.contains("capstan_applier_objects_total{action=\"created\",app=\"shop\"} 2")
            || metrics.contains("capstan_applier_objects_total{app=\"shop\",action=\"created\"} 2"))

        applier.signal(SIGTERM)
        #expect(try await applier.exitStatus(within: .seconds(20)) == 0)
        await renderer.stop()
    }
}
