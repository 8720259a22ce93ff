import CapstanCore

extension Reconciler {
    /// Decorates every object, asking the REST mapping (the bundle's CRDs first) whether its kind is namespaced.
    /// A kind nobody serves makes the bundle invalid.
    func decorate(_ objects: [JSONValue], with decoration: ObjectDecoration) async throws -> [JSONValue] {
        var known: [String: KindMapping] = [:]
        for mapping in BundleMappings.mappings(definedBy: objects) {
            known["\(mapping.group)/\(mapping.version)/\(mapping.kind)"] = mapping
        }
        var problems: [BundleProblem] = []
        var decorated: [JSONValue] = []
        for (index, object) in objects.enumerated() {
            let reference = ObjectReference(of: object)!
            let key = "\(reference.group)/\(reference.version)/\(reference.kind)"
            if known[key] == nil, let mapping = try await mapping(of: reference) { known[key] = mapping }
            guard let mapping = known[key] else {
                problems.append(BundleProblem(
                    index: index, object: reference.description,
                    reason: "kind \(reference.kind) in \(reference.apiVersion) is not served by the API server (missing CRD?)"))
                continue
            }
            decorated.append(decoration.decorate(object, namespaced: mapping.namespaced))
        }
        guard problems.isEmpty else { throw ReconcileFailure.invalidBundle(problems) }
        return decorated
    }

    func mapping(of reference: ObjectReference) async throws -> KindMapping? {
        do {
            return try await retry.run { () async throws(ClusterError) in
                try await client.mapping(apiVersion: reference.apiVersion, kind: reference.kind)
            }
        } catch {
            throw ReconcileFailure.unreachable(error.message)
        }
    }
}
