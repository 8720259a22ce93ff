import CapstanCore
import Foundation
import Kube
import Manifests

/// What the one-shot `apply` and `diff` commands share: the app, the cluster, the bundle file.
public struct OneShotOptions: Sendable {
    public var app: String
    public var kubeconfig: String?
    public var targetNamespace: String?
    public var serviceAccount: String?
    /// A path, or `-` for standard input.
    public var input: String
    /// Diff without Capstan's provenance annotations (`capstan diff` against what the daemon applied).
    public var masksProvenance = false
    /// Client-side rate limit. A one-shot applies one bundle and exits, so it may go faster than a
    /// long-running controller (the Kube default, 50/100): its own 8 objects in flight bound the load; the server's own fairness still applies.
    public var qps: Double = 1000
    public var burst: Int = 1000
    /// Objects applied at once within a phase (the Kube client runs up to 16 requests at once).
    public var concurrency = 16

    public init(app: String, kubeconfig: String? = nil, targetNamespace: String? = nil, serviceAccount: String? = nil, input: String) {
        self.app = app
        self.kubeconfig = kubeconfig
        self.targetNamespace = targetNamespace
        self.serviceAccount = serviceAccount
        self.input = input
    }

    /// The bundle's objects, decoded with Kubernetes YAML semantics (`List` kinds are not expanded).
    func readObjects() async throws -> [JSONValue] {
        let data = input == "-"
            ? FileHandle.standardInput.readDataToEndOfFile()
            : try Data(contentsOf: URL(fileURLWithPath: input))
        return try await BundleDecoding.objects(Array(data), file: input == "-" ? "<stdin>" : input)
    }

    /// A `--service-account` that is not `<namespace>/<name>`.
    struct InvalidServiceAccount: Error, CustomStringConvertible {
        var value: String
        var description: String { "--service-account \(value): expected <namespace>/<name>, e.g. shop/deployer" }
    }

    /// A ClusterClient for the configured cluster, impersonating the app's service account when given.
    func client() throws -> KubeClusterClient {
        let config = try KubeConfig.load(kubeconfig: kubeconfig)
        var impersonation: Impersonation?
        if let serviceAccount {
            guard let parsed = Impersonation(serviceAccount: serviceAccount) else { throw InvalidServiceAccount(value: serviceAccount) }
            impersonation = parsed
        }
        var clientOptions = KubeClientOptions(qps: qps, burst: burst)
        clientOptions.usesBuiltInKinds = true
        let kube = KubeClient(config: config, options: clientOptions).impersonating(impersonation)
        return KubeClusterClient(kube: kube)
    }
}
