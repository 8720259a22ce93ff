import Curl

/// Everything needed to reach one cluster as one user: where, how to trust it, who we are.
///
/// Built from a kubeconfig file or from the in-cluster service account. Printing it never shows
/// a credential.
public struct KubeConfig: Sendable, CustomStringConvertible {
    /// The API server's base URL, without a trailing slash (`https://10.0.0.1:443`).
    public var server: String
    public var tls: TLSOptions
    public var credentials: KubeCredentials
    /// The namespace for namespaced objects that name none.
    public var namespace: String
    /// The kubeconfig context this came from, or `in-cluster`.
    public var contextName: String

    public init(
        server: String, tls: TLSOptions = TLSOptions(), credentials: KubeCredentials = .none,
        namespace: String = "default", contextName: String = ""
    ) {
        self.server = server.hasSuffix("/") ? String(server.dropLast()) : server
        self.tls = tls
        self.credentials = credentials
        self.namespace = namespace
        self.contextName = contextName
    }

    public var description: String {
        "cluster \(server) (context \(contextName.isEmpty ? "-" : contextName), auth \(credentials))"
    }
}

/// How requests prove who they are. Tokens are never printed.
public enum KubeCredentials: Sendable, CustomStringConvertible {
    case none
    /// A bearer token given inline.
    case token(String)
    /// A bearer token in a file, re-read when it changes (service-account token rotation).
    case tokenFile(String)
    /// An exec credential plugin that prints an ExecCredential with a token.
    case exec(ExecPlugin)
    /// HTTP basic authentication (old clusters).
    case basic(username: String, password: String)

    public var description: String {
        switch self {
        case .none: return "none"
        case .token: return "token"
        case .tokenFile(let path): return "token file \(path)"
        case .exec(let plugin): return "exec \(plugin.command)"
        case .basic(let username, _): return "basic \(username)"
        }
    }
}

/// A kubeconfig `user.exec` entry: the command client-go would run to get a token.
public struct ExecPlugin: Sendable, Hashable {
    public var command: String
    public var arguments: [String]
    public var environment: [String: String]
    public var apiVersion: String
    public var installHint: String?

    public init(
        command: String, arguments: [String] = [], environment: [String: String] = [:],
        apiVersion: String = "client.authentication.k8s.io/v1", installHint: String? = nil
    ) {
        self.command = command
        self.arguments = arguments
        self.environment = environment
        self.apiVersion = apiVersion
        self.installHint = installHint
    }
}
