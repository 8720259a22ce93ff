import CapstanCore

/// The seam between the reconcile sequence and a Kubernetes API: the real client or an in-memory fake.
public protocol ClusterClient: Sendable {
    /// The REST mapping of a kind, or nil when the server does not know it.
    func mapping(apiVersion: String, kind: String) async throws(ClusterError) -> KindMapping?
    /// The live object, or nil when it does not exist.
    func get(_ reference: ObjectReference) async throws(ClusterError) -> JSONValue?
    /// Objects of a kind, optionally in one namespace, matching a label selector (`key=value,…`).
    func list(apiVersion: String, kind: String, namespace: String?, labelSelector: String?) async throws(ClusterError) -> [JSONValue]
    /// Server-side apply; returns the object as stored (or as it would be, for a dry run).
    func apply(_ object: JSONValue, fieldManager: String, force: Bool, dryRun: Bool) async throws(ClusterError) -> JSONValue
    /// Deletes with background propagation; a missing object is no error.
    func delete(_ reference: ObjectReference) async throws(ClusterError)
    /// Forgets cached mappings, so kinds a bundle's CRDs just defined are found.
    func refreshMappings() async throws(ClusterError)
}

extension ClusterClient {
    public func refreshMappings() async throws(ClusterError) {}
}
