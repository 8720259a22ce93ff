import FetcherTesting
import Foundation
import Git
import Testing

@Suite(.serialized) struct SSHTransportTests {
    /// A served repository, an sshd authorizing `identity`, and the matching known_hosts file.
    final class Setup {
        let fixture: GitFixture
        let server: SSHServer
        let commit: String
        var url: String { "ssh://root@127.0.0.1:\(server.port)\(fixture.root("served.git"))" }
        var identity: String { fixture.root("keys/identity") }
        var knownHosts: String { fixture.root("keys/known_hosts") }

        init() throws {
            fixture = try GitFixture()
            commit = try fixture.commit("served", files: ["app.yaml": "kind: ConfigMap\n"])
            _ = try fixture.bareClone()
            try FileManager.default.createDirectory(atPath: fixture.root("keys"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: fixture.root("sshd"), withIntermediateDirectories: true)
            for name in ["identity", "stranger"] {
                try Shell.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", fixture.root("keys/\(name)")], in: fixture.root.path, home: fixture.home)
            }
            let authorized = try String(contentsOfFile: fixture.root("keys/identity.pub"), encoding: .utf8)
            server = try SSHServer(directory: fixture.root("sshd"), authorizedKey: authorized, home: fixture.home)
            try server.knownHostsLine.write(toFile: fixture.root("keys/known_hosts"), atomically: true, encoding: .utf8)
        }

        func options(key: String = "identity", knownHosts: String? = nil) -> FetchOptions {
            FetchOptions(credentials: .sshKey(username: nil, privateKeyPath: fixture.root("keys/\(key)"),
                                              publicKeyPath: fixture.root("keys/\(key).pub"), passphrase: nil),
                         knownHostsPath: knownHosts ?? self.knownHosts, connectTimeout: 5, transferTimeout: 30)
        }

        deinit {
            server.stop()
            fixture.remove()
        }
    }

    @Test(.enabled(if: SSHServer.isAvailable, "sshd is absent or we are not root: SSH transport not tested"))
    func fetchesOverSSHWithAKeyCheckedAgainstKnownHosts() async throws {
        let setup = try Setup()
        let head = try await TransportTests.fetchHead(setup.url, mirror: setup.fixture.root("mirror.git"), options: setup.options())
        #expect(head == setup.commit)
    }

    @Test(.enabled(if: SSHServer.isAvailable, "sshd is absent or we are not root: SSH transport not tested"))
    func refusesAWrongKey() async throws {
        let setup = try Setup()
        let error = await #expect(throws: GitError.self) {
            try await TransportTests.fetchHead(setup.url, mirror: setup.fixture.root("mirror.git"), options: setup.options(key: "stranger"))
        }
        #expect(error?.kind == .authentication)
    }

    @Test(.enabled(if: SSHServer.isAvailable, "sshd is absent or we are not root: SSH transport not tested"))
    func refusesAChangedHostKeyAndAMissingKnownHosts() async throws {
        let setup = try Setup()
        try Shell.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", setup.fixture.root("keys/other_host")], in: setup.fixture.root.path, home: setup.fixture.home)
        let otherKey = try String(contentsOfFile: setup.fixture.root("keys/other_host.pub"), encoding: .utf8).split(separator: " ")
        let changed = setup.fixture.root("keys/changed_known_hosts")
        try "[127.0.0.1]:\(setup.server.port) \(otherKey[0]) \(otherKey[1])\n".write(toFile: changed, atomically: true, encoding: .utf8)
        let mismatch = await #expect(throws: GitError.self) {
            try await TransportTests.fetchHead(setup.url, mirror: setup.fixture.root("mirror.git"), options: setup.options(knownHosts: changed))
        }
        #expect(mismatch?.kind == .certificate)
        #expect(mismatch?.message.contains("does not match known_hosts") == true)
        let missing = await #expect(throws: GitError.self) {
            try await TransportTests.fetchHead(setup.url, mirror: setup.fixture.root("mirror2.git"), options: setup.options(knownHosts: setup.fixture.root("keys/none")))
        }
        #expect(missing?.kind == .certificate)
    }
}
