import CapstanCore

extension Reconciler {
    /// Decorates every object, asking the REST mapping (the bundle's CRDs first) whether its kind is namespaced.
    /// A kind nobody serves makes the bundle invalid.
    func decorate(_ objects: [JSONValue], with decoration: ObjectDecoration) async throws -> [JSONValue] {
        let namespaced = try await namespacedFlags(objects)
        return await Self.decorateInParallel(objects, namespaced: namespaced, with: decoration)
    }

    /// Whether each object's kind is namespaced, from the REST mapping (the bundle's CRDs first).
    /// A kind nobody serves makes the bundle invalid.
    func namespacedFlags(_ objects: [JSONValue]) async throws -> [Bool] {
        var known: [String: KindMapping] = [:]
        for mapping in BundleMappings.mappings(definedBy: objects) {
            known["\(mapping.group)/\(mapping.version)/\(mapping.kind)"] = mapping
        }
        var problems: [BundleProblem] = []
        var namespaced: [Bool] = []
        namespaced.reserveCapacity(objects.count)
        // Found mappings by the object's own apiVersion and kind: most objects of a bundle share a few kinds.
        var found: [KindKey: KindMapping] = [:]
        for (index, object) in objects.enumerated() {
            let pair = KindKey(apiVersion: object["apiVersion"]?.stringValue ?? "", kind: object["kind"]?.stringValue ?? "")
            if let mapping = found[pair] {
                namespaced.append(mapping.namespaced)
                continue
            }
            let reference = ObjectReference(of: object)!
            let key = "\(reference.group)/\(reference.version)/\(reference.kind)"
            if known[key] == nil, let mapping = try await mapping(of: reference) { known[key] = mapping }
            found[pair] = known[key]
            guard let mapping = known[key] else {
                problems.append(BundleProblem(
                    index: index, object: reference.description,
                    reason: "kind \(reference.kind) in \(reference.apiVersion) is not served by the API server (missing CRD?)"))
                continue
            }
            namespaced.append(mapping.namespaced)
        }
        guard problems.isEmpty else { throw ReconcileFailure.invalidBundle(problems) }
        return namespaced
    }

    struct KindKey: Hashable {
        var apiVersion: String
        var kind: String
    }

    /// Decorates (and so hashes) the objects on every core, in bundle order.
    static func decorateInParallel(_ objects: [JSONValue], namespaced: [Bool], with decoration: ObjectDecoration) async -> [JSONValue] {
        let chunkCount = objects.count < 64 ? 1 : 4
        let chunkSize = (objects.count + chunkCount - 1) / chunkCount
        return await withTaskGroup(of: (Int, [JSONValue]).self) { group in
            for chunk in 0..<chunkCount {
                let range = min(objects.count, chunk * chunkSize)..<min(objects.count, (chunk + 1) * chunkSize)
                group.addTask { (chunk, range.map { decoration.decorate(objects[$0], namespaced: namespaced[$0]) }) }
            }
            var parts = [[JSONValue]](repeating: [], count: chunkCount)
            for await (chunk, decorated) in group { parts[chunk] = decorated }
            return parts.flatMap { $0 }
        }
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
