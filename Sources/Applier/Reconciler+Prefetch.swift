import CapstanCore

extension Reconciler {
    /// Objects of one kind in one namespace from which a LIST is cheaper than a GET each.
    static let listThreshold = 16

    /// The phase's live objects, read with one LIST per kind and namespace that has at least
    /// `listThreshold` objects in the phase. A reference missing from the result was not prefetched
    /// (GET it); one mapped to nil does not exist. A failed LIST just leaves its objects to their GETs.
    func prefetch(_ objects: [JSONValue]) async -> [ObjectReference: JSONValue?] {
        let references = objects.compactMap(ObjectReference.init(of:))
        let groups = Dictionary(grouping: references) { ObjectReference(apiVersion: $0.apiVersion, kind: $0.kind, namespace: $0.namespace, name: "") }
        var live: [ObjectReference: JSONValue?] = [:]
        for (collection, members) in groups where members.count >= Self.listThreshold {
            guard let items = try? await retry.run({ () async throws(ClusterError) in
                try await client.list(
                    apiVersion: collection.apiVersion, kind: collection.kind,
                    namespace: collection.namespace.isEmpty ? nil : collection.namespace, labelSelector: nil)
            }) else { continue }
            var byName: [String: JSONValue] = [:]
            for item in items { if let name = item.value(at: ["metadata", "name"])?.stringValue { byName[name] = item } }
            for member in members { live[member] = .some(byName[member.name]) }
        }
        return live
    }
}
