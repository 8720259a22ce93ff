import CapstanCore
import Kube

/// The ClusterClient seam over the real Kubernetes client: maps its errors onto retry-or-reject.
///
/// Objects it returns come without `metadata.managedFields`: nothing in the applier reads them, and
/// they are most of the bytes a LIST brings.
public struct KubeClusterClient: ClusterClient {
    public let kube: KubeClient

    public init(kube: KubeClient) {
        self.kube = kube.omittingManagedFields()
    }

    public func mapping(apiVersion: String, kind: String) async throws(ClusterError) -> KindMapping? {
        let gvk = GroupVersionKind(apiVersion: apiVersion, kind: kind)
        do {
            let found = try await kube.mapping(for: gvk)
            return KindMapping(group: gvk.group, version: gvk.version, kind: kind, resource: found.resource, namespaced: found.namespaced)
        } catch let error as KubeClientError {
            if case .unknownKind = error { return nil }
            throw Self.classify(error)
        } catch {
            throw Self.classify(error)
        }
    }

    public func get(_ reference: ObjectReference) async throws(ClusterError) -> JSONValue? {
        do {
            return try await kube.get(gvk(reference), namespace: namespace(reference), name: reference.name)
        } catch let error as KubeAPIError where error.isNotFound {
            return nil
        } catch {
            throw Self.classify(error)
        }
    }

    public func list(apiVersion: String, kind: String, namespace: String?, labelSelector: String?) async throws(ClusterError) -> [JSONValue] {
        do {
            // Pages of 5 000: a bundle's kind in one namespace is usually one request (kubectl's 500 would make 1 000 ConfigMaps two in a row).
            return try await kube.list(
                GroupVersionKind(apiVersion: apiVersion, kind: kind), namespace: namespace, labelSelector: labelSelector, pageSize: 5000
            ).items
        } catch {
            throw Self.classify(error)
        }
    }

    public func apply(_ object: JSONValue, fieldManager: String, force: Bool, dryRun: Bool) async throws(ClusterError) -> JSONValue {
        do {
            return try await kube.apply(object, options: ApplyOptions(fieldManager: fieldManager, force: force, dryRun: dryRun)).object
        } catch {
            throw Self.classify(error)
        }
    }

    public func delete(_ reference: ObjectReference) async throws(ClusterError) {
        do {
            try await kube.delete(gvk(reference), namespace: namespace(reference), name: reference.name, propagationPolicy: .background)
        } catch let error as KubeAPIError where error.isNotFound {
            return
        } catch {
            throw Self.classify(error)
        }
    }

    public func refreshMappings() async throws(ClusterError) {
        do { try await kube.refreshDiscovery() } catch { throw Self.classify(error) }
    }

    func gvk(_ reference: ObjectReference) -> GroupVersionKind {
        GroupVersionKind(apiVersion: reference.apiVersion, kind: reference.kind)
    }

    func namespace(_ reference: ObjectReference) -> String? {
        reference.namespace.isEmpty ? nil : reference.namespace
    }

    /// Connection trouble and 429/5xx (after the client's own retries) are "unreachable"; the rest a rejection.
    static func classify(_ error: any Error) -> ClusterError {
        switch error {
        case let api as KubeAPIError:
            return api.isRetryable ? .unreachable(api.description) : .rejected(code: api.code, message: api.message.isEmpty ? api.description : api.message)
        case let client as KubeClientError:
            return client.isRetryable ? .unreachable(client.description) : .rejected(code: 0, message: client.description)
        default:
            return .unreachable(String(describing: error))
        }
    }
}
