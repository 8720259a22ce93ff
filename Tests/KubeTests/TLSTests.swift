import CapstanCore
import Curl
import Foundation
import Kube
import Testing

@Suite(.serialized) struct TLSTests {
    final class Certificates: Sendable {
        let directory: TestDirectory
        init() throws {
            directory = try TestDirectory()
            try TestDirectory.run(["sh", "\(fixtures)/make-certs.sh", directory.path])
        }
        func path(_ name: String) -> String { "\(directory.path)/\(name)" }
        func base64(_ name: String) throws -> String { try Data(contentsOf: URL(fileURLWithPath: path(name))).base64EncodedString() }
    }

    func server(_ certs: Certificates) throws -> FakeAPIServer {
        try FakeAPIServer(
            ["--tls-cert", certs.path("server.crt"), "--tls-key", certs.path("server.key"), "--client-ca", certs.path("ca.crt")],
            tls: TLSOptions(
                certificateAuthority: .file(certs.path("ca.crt")), clientCertificate: .file(certs.path("client.crt")),
                clientKey: .file(certs.path("client.key"))))
    }

    func kubeconfig(_ certs: Certificates, server: String, ca: String) throws -> String {
        try certs.directory.write(
            "config-\(ca)",
            """
            current-context: tls
            clusters: [{name: tls, cluster: {server: "\(server)", certificate-authority-data: \(try certs.base64(ca))}}]
            users: [{name: u, user: {client-certificate-data: \(try certs.base64("client.crt")), client-key-data: \(try certs.base64("client.key"))}}]
            contexts: [{name: tls, context: {cluster: tls, user: u}}]
            """)
    }

    @Test func clientCertificatesFromKubeconfigDataAreAccepted() async throws {
        let certs = try Certificates()
        defer { certs.directory.remove() }
        let server = try server(certs)
        defer { server.stop() }
        let config = try KubeConfig.load(kubeconfig: try kubeconfig(certs, server: server.url, ca: "ca.crt"), environment: [:])
        let kube = KubeClient(config: config, options: testOptions())
        #expect(try await kube.serverVersion()["minor"] == "32")
        #expect(try await kube.apply(configMap("over-tls")).created)
    }

    @Test func aServerSignedByAnotherCAIsRefusedWithoutRetry() async throws {
        let certs = try Certificates()
        defer { certs.directory.remove() }
        let server = try server(certs)
        defer { server.stop() }
        let config = try KubeConfig.load(kubeconfig: try kubeconfig(certs, server: server.url, ca: "other-ca.crt"), environment: [:])
        await #expect { try await KubeClient(config: config, options: testOptions()).serverVersion() } throws: { error in
            guard case .transport(_, _, let curl) = error as? KubeClientError else { return false }
            return curl.category == .tls && !curl.isRetryable
        }
        #expect(try await server.requests().isEmpty)
    }

    @Test func insecureSkipVerifyStillSendsTheClientCertificate() async throws {
        let certs = try Certificates()
        defer { certs.directory.remove() }
        let server = try server(certs)
        defer { server.stop() }
        let tls = TLSOptions(
            clientCertificate: .pem(Array(try Data(contentsOf: URL(fileURLWithPath: certs.path("client.crt"))))),
            clientKey: .pem(Array(try Data(contentsOf: URL(fileURLWithPath: certs.path("client.key"))))), insecureSkipVerify: true)
        let kube = KubeClient(config: KubeConfig(server: server.url, tls: tls), options: testOptions())
        #expect(try await kube.serverVersion()["minor"] == "32")
    }
}
