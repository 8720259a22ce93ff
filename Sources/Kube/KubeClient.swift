import CapstanCore
import Curl
import Logging

/// The Kubernetes API as Capstan uses it: discovery, get/list/watch, server-side apply, delete.
///
/// A value type over a shared transport: `impersonating(_:)` returns a client that acts as
/// another user but shares connections, rate limit and discovery with this one.
public struct KubeClient: Sendable {
    let transport: KubeTransport
    let discovery: DiscoveryCache
    /// Who requests act as; nil for the configured user itself.
    public let impersonation: Impersonation?
    /// How answers are decoded (`omittingManagedFields()` drops `metadata.managedFields`).
    var parser = FastJSONParser()

    public init(config: KubeConfig, options: KubeClientOptions = KubeClientOptions(), logger: Logger = Logger(label: "capstan.kube")) {
        transport = KubeTransport(config: config, options: options, logger: logger)
        discovery = DiscoveryCache(discovery: Discovery(transport: transport), refreshInterval: options.discoveryRefreshInterval)
        impersonation = nil
    }

    private init(transport: KubeTransport, discovery: DiscoveryCache, impersonation: Impersonation?) {
        self.transport = transport
        self.discovery = discovery
        self.impersonation = impersonation
    }

    /// A client whose every request impersonates `user` (so RBAC limits what it can do).
    public func impersonating(_ user: Impersonation?) -> KubeClient {
        var client = KubeClient(transport: transport, discovery: discovery, impersonation: user)
        client.parser = parser
        return client
    }

    /// A client whose decoded objects (get, list, apply answers) come without `metadata.managedFields`:
    /// for callers that never read them, which saves decoding most of a typical object's bytes.
    public func omittingManagedFields() -> KubeClient {
        var client = self
        client.parser.omittingManagedFields = true
        return client
    }

    public var config: KubeConfig { transport.config }

    /// Where a kind lives; discovery is refreshed once when the kind is not known yet.
    public func mapping(for kind: GroupVersionKind) async throws -> ResourceMapping {
        if transport.options.usesBuiltInKinds, let builtIn = BuiltInKinds.mapping(for: kind) { return builtIn }
        return try await discovery.mapping(for: kind)
    }

    /// The mapping of a kind at its preferred version, for identities that carry no version.
    public func preferredMapping(group: String, kind: String) async throws -> ResourceMapping {
        if let found = try await discovery.current().preferredMapping(group: group, kind: kind) { return found }
        if let found = try await discovery.refresh().preferredMapping(group: group, kind: kind) { return found }
        throw KubeClientError.unknownKind(GroupVersionKind(group: group, version: "", kind: kind))
    }

    /// Reloads discovery now, e.g. after a bundle's CRDs became established.
    @discardableResult
    public func refreshDiscovery() async throws -> RESTMapper {
        try await discovery.refresh()
    }

    /// `GET /version`: the server's version document.
    public func serverVersion() async throws -> JSONValue {
        try await json(KubeRequest(method: "GET", path: "/version"))
    }

    func json(_ request: KubeRequest) async throws -> JSONValue {
        let response = try await transport.send(request, as: impersonation)
        do { return try parser.parse(response.body) } catch {
            throw KubeClientError.malformedResponse(method: request.method, path: request.path, reason: "\(error)")
        }
    }

    func namespace(for mapping: ResourceMapping, _ namespace: String?) -> String? {
        guard mapping.namespaced else { return nil }
        if let namespace, !namespace.isEmpty { return namespace }
        return transport.config.namespace
    }
}
