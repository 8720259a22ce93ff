import CapstanCore
import Foundation
import Testing

/// `capstan-applier` against the emulator serving HTTPS: kubeconfig CA, client certificate and token files.
@Suite struct OneShotTLSTests {
    /// A CA, a server certificate for 127.0.0.1 signed by it, a client certificate, and an unrelated CA
    /// (made by the Kube tests' script).
    final class Certificates: Sendable {
        let directory: URL
        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("applier-tls-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("KubeTests/Fixtures/make-certs.sh")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [script.path, directory.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    func cluster(_ certs: Certificates, ca: String) async throws -> EmulatedCluster {
        try await EmulatedCluster(
            ["--tls-cert", certs.path("server.crt"), "--tls-key", certs.path("server.key"), "--token", "s3cret"],
            user: "client-certificate: \(certs.path("client.crt")), client-key: \(certs.path("client.key")), token: s3cret",
            cluster: "certificate-authority: \(certs.path(ca))")
    }

    let bundle = [Fixtures.namespace("shop"), Fixtures.configMap("settings")]

    @Test func appliesOverTLSCheckingTheServerAgainstTheKubeconfigCA() async throws {
        let certs = try Certificates()
        defer { certs.remove() }
        let cluster = try await cluster(certs, ca: "ca.crt")
        defer { cluster.stop() }
        #expect(cluster.server.hasPrefix("https://127.0.0.1:"))
        let run = try await OneShotRun.run("apply", app: "shop", bundle, kubeconfig: cluster.kubeconfig)
        #expect(run.status == 0, "\(run)")
        #expect(run.lines == ["namespace/shop created", "configmap/settings created"])
        let diff = try await OneShotRun.run("diff", app: "shop", bundle, kubeconfig: cluster.kubeconfig)
        #expect(diff.status == 0, "\(diff)")
    }

    @Test func aServerSignedByAnotherCAIsRefusedAtOnce() async throws {
        let certs = try Certificates()
        defer { certs.remove() }
        let cluster = try await cluster(certs, ca: "other-ca.crt")
        defer { cluster.stop() }
        let started = ContinuousClock.now
        let run = try await OneShotRun.run("apply", app: "shop", bundle, kubeconfig: cluster.kubeconfig)
        #expect(run.status != 0, "\(run)")
        #expect(run.output.lowercased().contains("certificate"), "\(run)")
        #expect(ContinuousClock.now - started < .seconds(10), "a certificate error is not worth retrying")
    }
}
