import Curl
import Foundation
import Kube
import Testing

@Suite struct KubeConfigTests {
    static let twoContexts = """
        apiVersion: v1
        kind: Config
        current-context: dev
        clusters:
        - name: dev
          cluster:
            server: https://dev.example:6443/
            certificate-authority: certs/ca.crt
        - name: prod
          cluster:
            server: https://prod.example:6443
            insecure-skip-tls-verify: true
        users:
        - name: dev-user
          user:
            token: dev-secret-token
        - name: prod-user
          user:
            tokenFile: prod.token
        contexts:
        - name: dev
          context: {cluster: dev, user: dev-user, namespace: shop}
        - name: prod
          context: {cluster: prod, user: prod-user}
        """

    @Test func readsCurrentContextWithTokenAndRelativeCAPath() throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: "\(directory.path)/certs", withIntermediateDirectories: true)
        _ = try directory.write("certs/ca.crt", "pem")
        let file = try directory.write("config", Self.twoContexts)
        let config = try KubeConfig.load(kubeconfig: file, environment: [:])
        #expect(config.server == "https://dev.example:6443")
        #expect(config.namespace == "shop")
        #expect(config.tls.certificateAuthority == .file("\(directory.path)/certs/ca.crt"))
        guard case .token(let token) = config.credentials else { Issue.record("no token"); return }
        #expect(token == "dev-secret-token")
        #expect(!config.description.contains("dev-secret-token"))
    }

    @Test func readsNamedContextFromKUBECONFIGList() throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: "\(directory.path)/certs", withIntermediateDirectories: true)
        _ = try directory.write("certs/ca.crt", "pem")
        let first = try directory.write("first", "apiVersion: v1\nkind: Config\ncurrent-context: prod\n")
        let second = try directory.write("second", Self.twoContexts)
        let config = try KubeConfig.load(environment: ["KUBECONFIG": "\(first):/nonexistent:\(second)"])
        #expect(config.contextName == "prod")
        #expect(config.tls.insecureSkipVerify)
        #expect(config.namespace == "default")
        guard case .tokenFile(let path) = config.credentials else { Issue.record("no token file"); return }
        #expect(path == "\(directory.path)/prod.token")
        let named = try KubeConfig.load(kubeconfig: second, context: "dev", environment: [:])
        #expect(named.contextName == "dev")
    }

    @Test func namesTheMissingContextInItsError() throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let file = try directory.write("config", Self.twoContexts)
        #expect {
            try KubeConfig.load(kubeconfig: file, context: "staging", environment: [:])
        } throws: { error in
            "\(error)" == "\(file): context \"staging\" does not exist"
        }
    }

    @Test func decodesInlineCertificateData() throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        let pem = Data("-----BEGIN CERTIFICATE-----\n".utf8).base64EncodedString()
        let file = try directory.write(
            "config",
            """
            current-context: c
            clusters: [{name: c, cluster: {server: "https://127.0.0.1:1", certificate-authority-data: \(pem)}}]
            users: [{name: u, user: {client-certificate-data: \(pem), client-key-data: \(pem)}}]
            contexts: [{name: c, context: {cluster: c, user: u}}]
            """)
        let config = try KubeConfig.load(kubeconfig: file, environment: [:])
        #expect(config.tls.certificateAuthority == .pem(Array("-----BEGIN CERTIFICATE-----\n".utf8)))
        #expect(config.tls.clientKey != nil)
    }

    @Test func buildsInClusterConfigFromServiceAccountMount() throws {
        let directory = try TestDirectory()
        defer { directory.remove() }
        _ = try directory.write("token", "sa-token\n")
        _ = try directory.write("ca.crt", "pem")
        _ = try directory.write("namespace", "capstan-system")
        let config = try KubeConfig.inCluster(
            environment: ["KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "443"],
            serviceAccountDirectory: directory.path)
        #expect(config.server == "https://[fd00::1]:443")
        #expect(config.namespace == "capstan-system")
        #expect(config.tls.certificateAuthority == .file("\(directory.path)/ca.crt"))
        guard case .tokenFile(let path) = config.credentials else { Issue.record("no token file"); return }
        #expect(path == "\(directory.path)/token")
    }
}
