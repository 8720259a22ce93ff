import CapstanCore
import Curl
import Foundation

extension KubeConfig {
    /// Finds and reads the cluster configuration the way kubectl does.
    ///
    /// Order: `kubeconfig` (a `--kubeconfig` flag), then `KUBECONFIG` (a `:`-separated list,
    /// merged with the first file winning for each name), then `~/.kube/config`, then the
    /// in-cluster service account when `KUBERNETES_SERVICE_HOST` is set.
    public static func load(
        kubeconfig: String? = nil, context: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(KubeConfigError) -> KubeConfig {
        if let kubeconfig, !kubeconfig.isEmpty {
            return try fromFiles([kubeconfig], context: context)
        }
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            let paths = list.split(separator: ":").map(String.init).filter { FileManager.default.fileExists(atPath: $0) }
            if !paths.isEmpty { return try fromFiles(paths, context: context) }
        }
        if let home = environment["HOME"], FileManager.default.fileExists(atPath: "\(home)/.kube/config") {
            return try fromFiles(["\(home)/.kube/config"], context: context)
        }
        if environment["KUBERNETES_SERVICE_HOST"] != nil {
            return try inCluster(environment: environment)
        }
        throw KubeConfigError(
            file: "", reason: "no kubeconfig found (tried --kubeconfig, KUBECONFIG, ~/.kube/config) and not running in a cluster")
    }

    /// Reads and merges kubeconfig files, then builds the configuration of one context.
    public static func fromFiles(_ paths: [String], context: String? = nil) throws(KubeConfigError) -> KubeConfig {
        var merged = KubeconfigFile(path: paths.joined(separator: ":"))
        for path in paths {
            let file = try KubeconfigFile.read(path: path)
            merged.currentContext = merged.currentContext ?? file.currentContext
            for (name, value) in file.clusters where merged.clusters[name] == nil {
                merged.clusters[name] = resolvePaths(value, relativeTo: path)
            }
            for (name, value) in file.users where merged.users[name] == nil {
                merged.users[name] = resolvePaths(value, relativeTo: path)
            }
            for (name, value) in file.contexts where merged.contexts[name] == nil { merged.contexts[name] = value }
        }
        return try build(from: merged, context: context)
    }

    private static func build(from file: KubeconfigFile, context: String?) throws(KubeConfigError) -> KubeConfig {
        guard let contextName = context ?? file.currentContext else {
            throw KubeConfigError(file: file.path, reason: "no current-context is set and no context was named")
        }
        guard let entry = file.contexts[contextName] else {
            throw KubeConfigError(file: file.path, reason: "context \"\(contextName)\" does not exist")
        }
        let clusterName = entry["cluster"]?.stringValue ?? ""
        guard let cluster = file.clusters[clusterName] else {
            throw KubeConfigError(file: file.path, reason: "context \"\(contextName)\" names cluster \"\(clusterName)\", which does not exist")
        }
        guard let server = cluster["server"]?.stringValue, !server.isEmpty else {
            throw KubeConfigError(file: file.path, reason: "cluster \"\(clusterName)\" has no server")
        }
        let userName = entry["user"]?.stringValue ?? ""
        let user = file.users[userName] ?? .object([:])
        if !userName.isEmpty, file.users[userName] == nil {
            throw KubeConfigError(file: file.path, reason: "context \"\(contextName)\" names user \"\(userName)\", which does not exist")
        }
        var tls = try clusterTLS(cluster, file: file.path, name: clusterName)
        try addClientIdentity(user, to: &tls, file: file.path, name: userName)
        return KubeConfig(
            server: server, tls: tls, credentials: try credentials(user, file: file.path, name: userName),
            namespace: entry["namespace"]?.stringValue ?? "default", contextName: contextName)
    }
}
