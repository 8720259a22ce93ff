import CapstanCore
import Foundation
import Kube
import Testing

@Suite struct CredentialTests {
    @Test func execPluginTokenIsCachedUntilExpiry() async throws {
        let server = try FakeAPIServer(["--token", "from-plugin"])
        defer { server.stop() }
        let directory = try TestDirectory()
        defer { directory.remove() }
        let plugin = try directory.write(
            "plugin.sh",
            """
            #!/bin/sh
            echo run >> "\(directory.path)/runs"
            case "$KUBERNETES_EXEC_INFO" in *ExecCredential*) ;; *) exit 3 ;; esac
            echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"'"$TOKEN"'","expirationTimestamp":"2099-01-01T00:00:00Z"}}'
            """, executable: true)
        let config = KubeConfig(server: server.url, credentials: .exec(ExecPlugin(command: plugin, environment: ["TOKEN": "from-plugin"])))
        let kube = KubeClient(config: config, options: testOptions())
        for _ in 0..<3 { _ = try await kube.serverVersion() }
        #expect(directory.read("runs") == "run\n")
    }

    @Test func execPluginFailureNamesThePluginAndItsMessage() async throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let plugin = try directory.write("plugin.sh", "#!/bin/sh\necho 'login required' >&2\nexit 2\n", executable: true)
        let config = KubeConfig(server: "http://127.0.0.1:1", credentials: .exec(ExecPlugin(command: plugin, installHint: "install it")))
        await #expect { try await KubeClient(config: config, options: testOptions()).serverVersion() } throws: { error in
            "\(error)" == "credentials: exec plugin \(plugin) exited with status 2: login required (install it)"
        }
    }

    @Test func rotatedTokenFileIsReadAgainAfter401() async throws {
        let server = try FakeAPIServer(["--token", "new-token"])
        defer { server.stop() }
        let directory = try TestDirectory()
        defer { directory.remove() }
        let tokenFile = try directory.write("token", "old-token\n")
        let kube = KubeClient(config: KubeConfig(server: server.url, credentials: .tokenFile(tokenFile)), options: testOptions())
        await #expect(throws: KubeAPIError.self) { try await kube.serverVersion() }
        _ = try directory.write("token", "new-token\n")
        _ = try await kube.serverVersion()
        let sent = try await server.requests().compactMap { $0.value(at: ["headers", "authorization"])?.stringValue }
        #expect(sent.suffix(2) == ["Bearer old-token", "Bearer new-token"])
    }
}
