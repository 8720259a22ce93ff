import ApplierStage
import CapstanCore
import FetcherTesting
import Foundation
import Kube
import Logging
import Messaging
import StageRuntime

/// One in-process `ApplierService` (the daemon's whole stage) wired to a renderer double and a kubesim.
final class ApplierHarness: Sendable {
    let service: ApplierService
    let task: Task<Void, any Error>
    let transport: Transport
    let client: RequestClient
    /// The daemon's own endpoints, for subscribing to its `status.<app>` events.
    let upstream: Upstream

    /// `apps` is the YAML of the config's `apps:` list items.
    init(cluster: SimCluster, renderer: RendererDouble, apps: String, shard: Shard? = nil,
         kubeOptions: KubeClientOptions = ApplierService.daemonKubeOptions) async throws {
        let (pub, router) = (FreePort.next(), FreePort.next())
        let yaml = """
            sources:
              - name: repo
                url: file:///nonexistent
            apps:
            \(apps)
            stages:
              renderer: { pub: "\(renderer.pub)", router: "\(renderer.router)", data: /tmp/unused }
              applier: { pub: "tcp://127.0.0.1:\(pub)", router: "tcp://127.0.0.1:\(router)", kubeconfig: \(cluster.kubeconfig.path) }
            """
        let config = try CapstanConfig.decode(yaml, file: "capstan.yaml")
        var logger = Logger(label: "applier-test")
        logger.logLevel = .critical
        let service = ApplierService(config: config, shard: shard, logger: logger, readiness: Readiness(), kubeOptions: kubeOptions)
        self.service = service
        task = Task { try await service.run() }
        transport = try await Transport.start()
        upstream = Upstream(pub: "tcp://127.0.0.1:\(pub)", router: "tcp://127.0.0.1:\(router)")
        client = try await RequestClient.start(transport: transport, upstream: upstream)
    }

    /// The app's entry in the daemon's STATUS reply, as the CLI sees it.
    func status(_ app: String) async -> JSONValue? {
        guard let status = try? await client.status(), case .array(let apps)? = status["apps"] else { return nil }
        return apps.first { $0["app"] == .string(app) }
    }

    /// Waits until the app's STATUS entry satisfies `condition`; returns the last entry seen.
    func waitFor(_ app: String, within seconds: Double = 20, _ condition: (JSONValue) -> Bool) async -> JSONValue? {
        var last: JSONValue?
        _ = await eventually(seconds) {
            last = await status(app)
            return last.map(condition) ?? false
        }
        return last
    }

    func stop() async {
        await client.close()
        await transport.shutdown()
        task.cancel()
        _ = try? await task.value
    }
}

/// YAML of one app in the config's `apps:` list.
func appYAML(_ name: String, prune: Bool = true, wait: Bool = true, dependsOn: [String] = [], interval: String = "1h") -> String {
    """
      - name: \(name)
        source: repo
        targetNamespace: \(name)
        prune: \(prune)
        wait: \(wait)
        timeout: 10s
        interval: \(interval)
        dependsOn: [\(dependsOn.joined(separator: ", "))]
    """
}
